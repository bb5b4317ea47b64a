package org.undervolt.dram.sim;

import org.undervolt.dram.spec.Organization;

/** Factory of the simulator's address mappings by name. */
public final class RequestMappings {
    private RequestMappings() {
    }

    /**
     * {@code RoBaRaCoCh} and {@code ChRaBaRoCo} (Ramulator 2's linear mappers), {@code MOP4CLXOR}, {@code DRMap},
     * or an explicit field order such as {@code RoBgBaRaCoCh}.
     *
     * @throws org.undervolt.InvalidInputException for an unknown name
     */
    public static RequestMapping of(String name, Organization org) {
        String s = name.trim();
        if (s.equalsIgnoreCase("MOP4CLXOR")) {
            return new Mop4ClXorMapping(org);
        }
        if (s.equalsIgnoreCase("DRMap")) {
            return new DrMapMapping(org);
        }
        return LinearMapping.parse(s, org);
    }
}
