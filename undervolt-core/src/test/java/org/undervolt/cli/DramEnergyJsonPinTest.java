package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.io.JsonPins;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code dram energy --json} pinned to the byte: the one printed line is Jackson's compact text of the pinned tree
 * (keys, order, numbers), for a DRAMPower XML memspec (I/O modelled) and a built-in preset; the human text too.
 */
class DramEnergyJsonPinTest {
    private static final String TRACE = "drampower41/traces/dp4_MICRON_4Gb_LPDDR3-1600_32bit_A__a_single.trc";

    private static Map<String, Object> json(String name, String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.err()).isZero();
        String golden = DramEnergyCommandTest.golden("");
        String line = r.out().replace(golden, "GOLDEN/");
        @SuppressWarnings("unchecked")
        Map<String, Object> j = new ObjectMapper().readValue(line, LinkedHashMap.class);
        assertThat(new ObjectMapper().writeValueAsString(j) + "\n").isEqualTo(line);
        JsonPins.assertPinned(name, j);
        return j;
    }

    @Test
    void xmlMemspecWithIo() throws Exception {
        json("dram-energy-xml", "dram", "energy", "--part", DramEnergyCommandTest.golden(
                "memspecs/MICRON_4Gb_LPDDR3-1600_32bit_A.xml"), "--trace", DramEnergyCommandTest.golden(TRACE), "--json",
                "--vdd", "1.1");
    }

    @Test
    void presetWithoutIo() throws Exception {
        json("dram-energy-preset", "dram", "energy", "--part", "LPDDR3-1600", "--trace", DramEnergyCommandTest.golden(TRACE),
                "--json", "--energy-law", "linear", "--rails", "all");
    }

    @Test
    void humanText() throws Exception {
        CliRun r = CliRun.of("dram", "energy", "--part", DramEnergyCommandTest.golden(
                "memspecs/MICRON_4Gb_LPDDR3-1600_32bit_A.xml"), "--trace", DramEnergyCommandTest.golden(TRACE));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonPins.assertPinned("dram-energy-text", Map.of("text", r.out().replace(DramEnergyCommandTest.golden(""), "GOLDEN/")));
    }
}
