package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.BitSet;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.Organization;

/** Mappings over a part whose row count is not a power of two: 49,152 rows (3 x 2^14) of the 6 Gb LPDDR4 preset. */
class NonPowerOfTwoMappingTest {
    private static final Organization LPDDR4 = DramPresets.get("LPDDR4-3200").organization();

    /** The access number of a location under a linear order (fields MSB first) as mixed-radix digits. */
    private static long encode(int[] msbFirst, int[] sizes, int[] location) {
        long a = 0;
        for (int f : msbFirst) {
            a = a * sizes[f] + location[f];
        }
        return a;
    }

    private static int[] sizes(Organization o) {
        return new int[] {o.channels(), o.ranks(), o.bankGroups(), o.banksPerGroup(), o.rows(), o.columns() / o.burstLength()};
    }

    @Test
    void thePresetHasRowsThatAreNotAPowerOfTwo() {
        assertThat(LPDDR4.rows()).isEqualTo(49_152);
        assertThat(Integer.bitCount(LPDDR4.rows())).isEqualTo(2);
    }

    @Test
    void linearOrdersRoundTripEveryRowIncludingTheLast() {
        int[] sizes = sizes(LPDDR4);
        int burst = LPDDR4.bytesPerBurst();
        for (String name : new String[] {"RoBaRaCoCh", "ChRaBaRoCo", "BaRoCo"}) { // BaRoCo: the row in the middle
            RequestMapping m = RequestMappings.of(name, LPDDR4);
            int[] order = switch (name) {
                case "RoBaRaCoCh" -> new int[] {RequestMapping.RO, RequestMapping.BA, RequestMapping.BG,
                    RequestMapping.RA, RequestMapping.CO, RequestMapping.CH};
                case "ChRaBaRoCo" -> new int[] {RequestMapping.CH, RequestMapping.RA, RequestMapping.BG,
                    RequestMapping.BA, RequestMapping.RO, RequestMapping.CO};
                default -> new int[] {RequestMapping.BA, RequestMapping.RO, RequestMapping.CO};
            };
            int[] out = new int[6];
            for (int bank : new int[] {0, 5, 7}) {
                for (int row = 0; row < LPDDR4.rows(); row++) {
                    for (int col : new int[] {0, 17, sizes[RequestMapping.CO] - 1}) {
                        int[] loc = {0, 0, 0, bank, row, col};
                        long address = encode(order, sizes, loc) * burst;
                        if (!m.decode(address, out) || !java.util.Arrays.equals(out, loc)) {
                            assertThat(out).as(name + " 0x" + Long.toHexString(address)).containsExactly(loc);
                        }
                    }
                }
            }
            assertThat(m.decode(LPDDR4.capacityBytes() - burst, out)).isTrue();
            assertThat(out[RequestMapping.RO] == LPDDR4.rows() - 1 || name.equals("ChRaBaRoCo")).isTrue();
            assertThat(m.decode(LPDDR4.capacityBytes(), out)).as(name).isFalse();
        }
    }

    @Test
    void everyMappingIsOneToOneOverAWholePartWithOddSizes() {
        // the preset shrunk to 3 x 512 rows (3 subarrays) and given 3 channels, so that every mapping meets
        // non-power-of-two sizes below and above other fields; every access below the capacity is decoded
        Organization o = new Organization(3, 1, LPDDR4.bankGroups(), LPDDR4.banks(), 3 * 512, LPDDR4.columns(),
                LPDDR4.width(), LPDDR4.devices(), LPDDR4.burstLength(), LPDDR4.dataRate(), 512);
        int[] sizes = sizes(o);
        int[] location = {RequestMapping.CH, RequestMapping.RA, RequestMapping.BG, RequestMapping.BA, RequestMapping.RO,
            RequestMapping.CO};
        long accesses = o.capacityBytes() / o.bytesPerBurst();
        assertThat(accesses).isEqualTo(3L * 8 * 1536 * 64);
        for (String name : new String[] {"RoBaRaCoCh", "ChRaBaRoCo", "MOP4CLXOR", "DRMap", "BaRoChCo"}) {
            RequestMapping m = RequestMappings.of(name, o);
            BitSet seen = new BitSet(Math.toIntExact(accesses));
            int[] f = new int[6];
            int lastRow = 0;
            for (long a = 0; a < accesses; a++) {
                if (!m.decode(a * o.bytesPerBurst(), f)) {
                    fail(name + " refuses access " + a + " below the capacity");
                }
                for (int k = 0; k < 6; k++) {
                    if (f[k] < 0 || f[k] >= sizes[k]) {
                        fail(name + " decodes access " + a + " out of range: " + java.util.Arrays.toString(f));
                    }
                }
                int index = (int) encode(location, sizes, f);
                if (seen.get(index)) {
                    fail(name + " decodes access " + a + " to a location already taken: " + java.util.Arrays.toString(f));
                }
                seen.set(index);
                lastRow += f[RequestMapping.RO] == sizes[RequestMapping.RO] - 1 ? 1 : 0;
            }
            assertThat(seen.cardinality()).as(name).isEqualTo(Math.toIntExact(accesses));
            assertThat(lastRow).as(name + ": bursts in the last row").isEqualTo(3 * 8 * 64);
            assertThat(m.decode(o.capacityBytes(), f)).as(name).isFalse();
        }
    }

    @Test
    void powerOfTwoPartsDecodeAsBefore() {
        // the division path and the shift path agree where both apply: DDR4's fields are all powers of two
        Organization ddr4 = DramPresets.get("DDR4-2400").organization();
        RequestMapping m = RequestMappings.of("RoBaRaCoCh", ddr4);
        assertThat(m.pow2).isTrue();
        assertThat(RequestMappings.of("RoBaRaCoCh", LPDDR4).pow2).isFalse();
        int[] sizes = sizes(ddr4);
        int[] order = {RequestMapping.RO, RequestMapping.BA, RequestMapping.BG, RequestMapping.RA, RequestMapping.CO,
            RequestMapping.CH};
        int[] out = new int[6];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            long access = rnd.nextLong(ddr4.capacityBytes() / ddr4.bytesPerBurst());
            assertThat(m.decode(access * ddr4.bytesPerBurst(), out)).isTrue();
            assertThat(encode(order, sizes, out)).isEqualTo(access);
        }
    }
}
