package org.undervolt.dram.sim;

import org.undervolt.dram.spec.Organization;

/**
 * What the simulator needs to know about the memory: the standard (DDR3, DDR4), the organisation of the
 * channel(s) and the timing parameters, with the preset names they came from.
 *
 * @param standard     "DDR3" or "DDR4"
 * @param orgName      organisation preset (e.g. DDR4_8Gb_x8) or a description of where it came from
 * @param timingName   timing preset (e.g. DDR4_2400R)
 * @param organization channels, ranks, bank groups, banks, rows, columns, device width, devices per rank, BL
 * @param timings      timing parameters in cycles
 */
public record SimSpec(String standard, String orgName, String timingName, Organization organization,
                      SimTimings timings) {

    /** Bytes one column access moves on the channel (BL × channel width / 8): 64 for a 64-bit BL8 channel. */
    public int bytesPerAccess() {
        return organization.bytesPerBurst();
    }

    /** Addressable bytes of all channels. */
    public long capacityBytes() {
        return organization.capacityBytes();
    }

    /** The same spec with tRCD = {@code rcd} cycles. */
    public SimSpec withRcd(int rcd) {
        return new SimSpec(standard, orgName, timingName, organization, timings.withRcd(rcd));
    }
}
