package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.Organization;

class RequestMappingTest {
    private static final Organization DDR4 = SimPresets.resolve("DDR4", null, null, 1, 1).organization();
    private static final Organization DDR4_2CH_2RK = SimPresets.resolve("DDR4", null, null, 2, 2).organization();

    private static int[] decode(RequestMapping m, long a) {
        int[] f = new int[6];
        assertThat(m.decode(a, f)).isTrue();
        return f;
    }

    @Test
    void roBaRaCoChIsRamulatorsOrder() {
        // LSB first above the 64-byte offset: Ch(0) Co(7) Ra(0) Bg(2) Ba(2) Ro(16)
        RequestMapping m = RequestMappings.of("RoBaRaCoCh", DDR4);
        assertThat(decode(m, 0x40)).containsExactly(0, 0, 0, 0, 0, 1);
        assertThat(decode(m, 1L << 13)).containsExactly(0, 0, 1, 0, 0, 0);
        assertThat(decode(m, 1L << 15)).containsExactly(0, 0, 0, 1, 0, 0);
        assertThat(decode(m, 5L << 17)).containsExactly(0, 0, 0, 0, 5, 0);
        assertThat(m.decode((8L << 30) - 64, new int[6])).isTrue();
        assertThat(m.decode(8L << 30, new int[6])).isFalse();
    }

    @Test
    void chRaBaRoCoIsRamulatorsOrder() {
        // LSB first: Co(7) Ro(16) Ba(2) Bg(2) Ra Ch
        RequestMapping m = RequestMappings.of("ChRaBaRoCo", DDR4);
        assertThat(decode(m, 3L << 6)).containsExactly(0, 0, 0, 0, 0, 3);
        assertThat(decode(m, 1L << 13)).containsExactly(0, 0, 0, 0, 1, 0);
        assertThat(decode(m, 1L << 29)).containsExactly(0, 0, 0, 1, 0, 0);
        assertThat(decode(m, 1L << 31)).containsExactly(0, 0, 1, 0, 0, 0);
        RequestMapping two = RequestMappings.of("ChRaBaRoCo", DDR4_2CH_2RK);
        assertThat(decode(two, 1L << 33)).containsExactly(0, 1, 0, 0, 0, 0);
        assertThat(decode(two, 1L << 34)).containsExactly(1, 0, 0, 0, 0, 0);
    }

    @Test
    void mop4ClXorHashesBanksWithColumnBits() {
        // above the offset: Co[1:0], Bg(2), Ba(2), Co[6:2], Ro; then Bg ^= Co[1:0], Ba ^= Co[3:2], Ro ^= Co[6:4]
        RequestMapping m = RequestMappings.of("MOP4CLXOR", DDR4);
        assertThat(decode(m, 1L << 6)).containsExactly(0, 0, 1, 0, 0, 1);          // col 1 -> bg ^= 1
        assertThat(decode(m, 1L << 8)).containsExactly(0, 0, 1, 0, 0, 0);          // bg 1
        assertThat(decode(m, 1L << 12)).containsExactly(0, 0, 0, 1, 0, 4);         // col bit 2 -> ba ^= 1
        assertThat(decode(m, 1L << 17)).containsExactly(0, 0, 0, 0, 1, 0);         // row 1
        assertThat(decode(m, (1L << 17) | (1L << 16))).containsExactly(0, 0, 0, 0, 5, 64); // col 64: row 1 ^ (64 >> 4)
    }

    @Test
    void drMapFillsRowThenBanksThenSubarrays() {
        RequestMapping m = RequestMappings.of("DRMap", DDR4);
        int[] a = decode(m, 127L * 64);
        assertThat(a).containsExactly(0, 0, 0, 0, 0, 127);
        assertThat(decode(m, 128L * 64)).containsExactly(0, 0, 1, 0, 0, 0);   // next bank group, same row
        assertThat(decode(m, 16L * 128 * 64)).containsExactly(0, 0, 0, 0, 512, 0); // all 16 banks full: next subarray
        assertThat(decode(m, 128L * 16L * 128 * 64)).containsExactly(0, 0, 0, 0, 1, 0); // all 128 subarrays: row 1
    }

    @Test
    void everyMappingIsOneToOne() {
        for (String name : new String[] {"RoBaRaCoCh", "ChRaBaRoCo", "MOP4CLXOR", "DRMap", "Ro:Bg:Ba:Ra:Co:Ch"}) {
            RequestMapping m = RequestMappings.of(name, DDR4_2CH_2RK);
            SplittableRandom rnd = new SplittableRandom(7);
            Set<String> seen = new HashSet<>();
            Set<Long> lines = new HashSet<>();
            for (int i = 0; i < 20_000; i++) {
                long a = rnd.nextLong(DDR4_2CH_2RK.capacityBytes() / 64) * 64;
                if (!lines.add(a)) {
                    continue;
                }
                int[] f = new int[6];
                assertThat(m.decode(a, f)).as(name).isTrue();
                assertThat(f[RequestMapping.CH]).isBetween(0, 1);
                assertThat(f[RequestMapping.RA]).isBetween(0, 1);
                assertThat(f[RequestMapping.BG]).isBetween(0, 3);
                assertThat(f[RequestMapping.BA]).isBetween(0, 3);
                assertThat(f[RequestMapping.RO]).isBetween(0, 65535);
                assertThat(f[RequestMapping.CO]).isBetween(0, 127);
                assertThat(seen.add(java.util.Arrays.toString(f))).as(name + " collision at 0x" + Long.toHexString(a)).isTrue();
            }
            assertThat(m.decode(DDR4_2CH_2RK.capacityBytes(), new int[6])).as(name).isFalse();
        }
    }

    @Test
    void unknownMappingIsBadInput() {
        assertThatThrownBy(() -> RequestMappings.of("RoXXCo", DDR4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--mapping");
        assertThatThrownBy(() -> RequestMappings.of("RoCo", DDR4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lacks");
    }
}
