package org.undervolt.dram.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Auto-precharge offsets per standard on real parts, worked by hand from each memspec's AL, tRTP, WL, tWR and burst
 * (DRAMPower 4.1's {@code MemCommand::getPrechargeOffset} for DDR2 … Wide I/O; JESD209-4 for LPDDR4).
 */
class AutoPrechargeTest {
    @ParameterizedTest(name = "{0}: RDA {2}, WRA {3}")
    @CsvSource({
            // DDR3: AL 0 + max(tRTP 6, 4); B 4 + WL 8 + tWR 12
            "MICRON_1Gb_DDR3-1600_8bit_G.xml, DDR3, 6, 24",
            // LPDDR3: B 4 + max(0, tRTP 8 - 4); B 4 + WL 9 + tWR 12 + 1
            "MICRON_4Gb_LPDDR3-1600_32bit_A.xml, LPDDR3, 8, 26",
            // DDR2: B 4 + AL 0 - 2 + max(tRTP 3, 2); B 4 + WL 4 + tWR 6
            "MICRON_1Gb_DDR2-800_16bit_H.xml, DDR2, 5, 14",
            // LPDDR2: B 4 + max(0, tRTP 3 - 2); B 4 + WL 3 + tWR 6 + 1
            "MICRON_2Gb_LPDDR2-800-S4_16bit_A.xml, LPDDR2, 5, 14",
            // LPDDR: B 4; B 4 + tWR 2
            "MICRON_2Gb_LPDDR-266_16bit_A.xml, LPDDR, 4, 6",
            // Wide I/O SDR, single data rate: B 4; B 4 + WL 1 + tWR 3 - 1
            "JEDEC_256Mb_WIDEIO_SDR-200_128bit.xml, WIDEIO_SDR, 4, 7",
    })
    void drampowerTypes(String memspec, DramStandard standard, long afterRead, long afterWrite) throws URISyntaxException {
        DramSpec s = MemspecLoader.load(Path.of(getClass().getResource("/golden/dram/memspecs/" + memspec).toURI())).spec();
        assertThat(s.standard()).isEqualTo(standard);
        assertThat(AutoPrecharge.afterRead(s)).isEqualTo(afterRead);
        assertThat(AutoPrecharge.afterWrite(s)).isEqualTo(afterWrite);
    }

    @ParameterizedTest(name = "{0}: RDA {1}, WRA {2}")
    @CsvSource({
            // LPDDR4, BL16: B 8 + max(8, tRTP 12) - 8; B 8 + WL 14 + tWR 29 + 1 (the simulator's READ/WRITE to PRECHARGE)
            "LPDDR4-3200, 12, 52",
            // DDR4: AL 0 + tRTP 12; B 4 + WL 16 + tWR 18
            "DDR4-2400, 12, 38",
    })
    void presets(String part, long afterRead, long afterWrite) {
        DramSpec s = DramPresets.get(part);
        assertThat(AutoPrecharge.afterRead(s)).isEqualTo(afterRead);
        assertThat(AutoPrecharge.afterWrite(s)).isEqualTo(afterWrite);
    }
}
