package org.undervolt.dram.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.undervolt.dram.spec.LoadedSpec;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.dram.spec.SpecFormat;
import org.undervolt.dram.trace.CommandTrace;
import org.undervolt.dram.trace.TimingChecker;
import org.undervolt.dram.trace.TraceReader;

/**
 * Every case of the golden DRAMPower 4.1 and 5.1 outputs (in src/test/resources/golden/dram, with the inputs
 * they were run on): each core component within 1 % of the tool's value (and exactly 0 where
 * the tool reports 0).
 */
class GoldenDramPowerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double REL = 0.01;

    static Path goldenDir() {
        URL u = GoldenDramPowerTest.class.getResource("/golden/dram/drampower41/results.json");
        assertThat(u).as("golden results on the test classpath").isNotNull();
        try {
            return Path.of(u.toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> cases(String results) throws IOException {
        List<JsonNode> l = new ArrayList<>();
        JSON.readTree(goldenDir().resolve(results).toFile()).forEach(l::add);
        return l;
    }

    @Test
    void allVisibleCasesArePresent() throws IOException {
        assertThat(cases("drampower41/results.json")).hasSize(15);
        assertThat(cases("drampower51/results.json")).hasSize(25);
    }

    @TestFactory
    Stream<DynamicTest> drampower41() throws IOException {
        return cases("drampower41/results.json").stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> {
            JsonNode e = c.get("energy_pJ");
            Map<String, Double> expected = new LinkedHashMap<>();
            expected.put("act", e.get("ACT Cmd Energy [pJ]").asDouble() * 1e-12);
            expected.put("pre", e.get("PRE Cmd Energy [pJ]").asDouble() * 1e-12);
            expected.put("rd", e.get("RD Cmd Energy [pJ]").asDouble() * 1e-12);
            expected.put("wr", e.get("WR Cmd Energy [pJ]").asDouble() * 1e-12);
            expected.put("act_background", e.get("ACT Stdby Energy [pJ]").asDouble() * 1e-12);
            expected.put("pre_background", e.get("PRE Stdby Energy [pJ]").asDouble() * 1e-12);
            expected.put("ref", e.get("Auto-Refresh Energy [pJ]").asDouble() * 1e-12);
            expected.put("power_down", e.get("Total Power-Down Energy [pJ]").asDouble() * 1e-12);
            expected.put("self_refresh", e.get("Self-Refresh Energy [pJ]").asDouble() * 1e-12);
            expected.put("core", e.get("Total Trace Energy [pJ]").asDouble() * 1e-12);
            TraceEnergy got = run(c, SpecFormat.DRAMPOWER4_XML);
            assertThat(got.counting()).isEqualTo(EnergyCounting.DRAMPOWER_4_1);
            long length = c.get("counts_and_cycles").get("Total Trace Length (clock cycles)").asLong();
            assertThat(got.cycles().totalCycles()).isEqualTo(length);
            check(expected, got);
            // interface energy as DRAMPower 4.1 -r prints it
            JsonNode io = c.get("energy_pJ_with_io_term");
            double readIo = io.get("RD I/O Energy [pJ]").asDouble() * 1e-12;
            double writeTerm = io.has("WR Termination Energy [pJ]") ? io.get("WR Termination Energy [pJ]").asDouble() * 1e-12 : 0;
            assertThat(got.ioComponents()).isNotNull();
            assertThat(got.ioComponents().get("read_io")).isCloseTo(readIo, org.assertj.core.api.Assertions.within(0.006e-12));
            assertThat(got.ioComponents().get("write_termination")).isCloseTo(writeTerm, org.assertj.core.api.Assertions.within(0.006e-12));
            assertThat(got.totalJoules()).isCloseTo(io.get("Total Trace Energy [pJ]").asDouble() * 1e-12,
                    org.assertj.core.api.Assertions.within(0.02e-12));
        }));
    }

    @TestFactory
    Stream<DynamicTest> drampower51() throws IOException {
        return cases("drampower51/results.json").stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> {
            JsonNode e = c.get("energy");
            Map<String, Double> expected = new LinkedHashMap<>();
            expected.put("act", e.get("ACT").asDouble());
            expected.put("pre", e.get("PRE").asDouble());
            expected.put("rd", e.get("RD").asDouble());
            expected.put("wr", e.get("WR").asDouble());
            expected.put("rda", e.get("RDA").asDouble() + e.get("PRE_RDA").asDouble());
            expected.put("wra", e.get("WRA").asDouble() + e.get("PRE_WRA").asDouble());
            expected.put("act_background", e.get("BG_ACT_total").asDouble());
            expected.put("pre_background", e.get("BG_PRE").asDouble());
            expected.put("ref", e.get("REF_AB").asDouble());
            expected.put("power_down", e.get("PDNA").asDouble() + e.get("PDNP").asDouble());
            expected.put("self_refresh", e.get("SREF").asDouble());
            expected.put("core", e.get("core_total").asDouble());
            TraceEnergy got = run(c, SpecFormat.DRAMPOWER5_JSON);
            assertThat(got.counting()).isEqualTo(EnergyCounting.DRAMPOWER_5_1);
            assertThat(got.ioJoules()).isNull(); // DRAMPower 5.1 interface energy (data toggling) is not modelled
            check(expected, got);
        }));
    }

    private static TraceEnergy run(JsonNode c, SpecFormat expectedFormat) {
        Path dir = goldenDir();
        LoadedSpec spec = MemspecLoader.load(dir.resolve(c.get("memspec").asText()));
        assertThat(spec.format()).isEqualTo(expectedFormat);
        CommandTrace trace = TraceReader.read(dir.resolve(c.get("trace").asText()), spec.spec().organization());
        TimingChecker.check(trace, spec.spec()); // the golden traces respect the core timings
        return new TraceEnergyModel(spec.spec(), EnergyCounting.forFormat(spec.format())).energy(trace);
    }

    private static void check(Map<String, Double> expected, TraceEnergy got) {
        for (Map.Entry<String, Double> x : expected.entrySet()) {
            double g = x.getKey().equals("core") ? got.coreJoules() : got.get(x.getKey());
            double want = x.getValue();
            if (want == 0) {
                assertThat(g).as(x.getKey()).isZero();
            } else {
                assertThat(Math.abs(g - want) / Math.abs(want)).as(x.getKey() + ": got " + g + ", DRAMPower " + want)
                        .isLessThanOrEqualTo(REL);
            }
        }
    }
}
