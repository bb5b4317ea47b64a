package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.io.JsonPins;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code dram info --json} pinned to the byte: the one printed line is Jackson's compact text of the pinned tree
 * (keys, order, numbers), for a built-in preset at a lowered VDD and a DRAMPower XML memspec.
 */
class DramInfoJsonPinTest {

    private static void pinned(String name, String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.err()).isZero();
        String line = r.out().replace(DramEnergyCommandTest.golden(""), "GOLDEN/");
        @SuppressWarnings("unchecked")
        Map<String, Object> j = new ObjectMapper().readValue(line, LinkedHashMap.class);
        assertThat(new ObjectMapper().writeValueAsString(j) + "\n").isEqualTo(line);
        JsonPins.assertPinned(name, j);
    }

    @Test
    void preset() throws Exception {
        pinned("dram-info-preset", "dram", "info", "--part", "DDR4-2400", "--vdd", "1.1", "--json");
    }

    @Test
    void xmlMemspec() throws Exception {
        pinned("dram-info-xml", "dram", "info", "--part", DramEnergyCommandTest.golden(
                "memspecs/MICRON_4Gb_LPDDR3-1600_32bit_A.xml"), "--json");
    }
}
