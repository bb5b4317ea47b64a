package org.undervolt.dram.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.DramStandard;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.dram.trace.CommandTrace;
import org.undervolt.dram.trace.TimingChecker;
import org.undervolt.dram.trace.TraceReader;

/**
 * DRAMPower 4.1's memory types beyond DDR3/DDR4/LPDDR3, and its end-of-trace rule: the golden figures in
 * {@code golden/dram/drampower41-types/results.json}, written by {@code scripts/peers/drampower41_types.py} from
 * DRAMPower 4.1 (tag v4.1) run on the traces there and on memspecs of its {@code memspecs/} folder (a dual-rank
 * DDR3 UDIMM, DDR2, LPDDR, LPDDR2, Wide I/O SDR). The traces mix reads, writes, refreshes and idle gaps
 * ({@code d_random_s1}) or add auto-precharges timed by each type's precharge offset ({@code g_autopre});
 * three DDR3 traces end in other ways than tRP after the last PRE ({@code end_*}).
 */
class GoldenDramPowerTypesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** DRAMPower prints picojoules with two decimals. */
    private static final double PRINTED = 0.006e-12;

    private static Path dir() {
        return GoldenDramPowerTest.goldenDir().resolve("drampower41-types");
    }

    private static List<JsonNode> cases() throws IOException {
        List<JsonNode> l = new ArrayList<>();
        JSON.readTree(dir().resolve("results.json").toFile()).forEach(l::add);
        return l;
    }

    @Test
    void everyTypeAndEndingIsCovered() throws IOException {
        List<JsonNode> cases = cases();
        assertThat(cases).hasSize(13);
        List<DramStandard> types = cases.stream()
                .map(c -> MemspecLoader.load(dir().resolve(c.get("memspec").asText())).spec().standard()).distinct()
                .toList();
        assertThat(types).containsExactlyInAnyOrder(DramStandard.DDR2, DramStandard.DDR3, DramStandard.LPDDR,
                DramStandard.LPDDR2, DramStandard.WIDEIO_SDR);
    }

    @TestFactory
    Stream<DynamicTest> drampower41() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> {
            DramSpec spec = MemspecLoader.load(dir().resolve(c.get("memspec").asText())).spec();
            CommandTrace trace = TraceReader.read(dir().resolve(c.get("trace").asText()), spec.organization());
            TimingChecker.check(trace, spec); // auto-precharges at each type's offset: an ACT tRP after it is legal
            TraceEnergy got = EnergyListener.over(spec, EnergyCounting.DRAMPOWER_4_1, trace).traceEnergy();
            assertThat(got.cycles().totalCycles()).as("trace length").isEqualTo(c.get("cycles").asLong());
            JsonNode e = c.get("energy_pJ");
            for (String k : List.of("act", "ref", "act_background", "pre_background")) {
                assertThat(got.get(k)).as(k).isCloseTo(pj(e, k), within(tolerance(pj(e, k))));
            }
            // DRAMPower books an auto-precharge's PRE under PRE and its column access under RD / WR; here both
            // are the RDA / WRA components
            double commands = got.get("pre") + got.get("rd") + got.get("wr") + got.get("rda") + got.get("wra");
            double dpCommands = pj(e, "pre") + pj(e, "rd") + pj(e, "wr");
            assertThat(commands).as("PRE + RD + WR").isCloseTo(dpCommands, within(tolerance(dpCommands)));
            assertThat(got.coreJoules()).as("core").isCloseTo(pj(e, "total"), within(tolerance(pj(e, "total"))));
            JsonNode io = c.get("energy_pJ_with_io_term");
            assertThat(got.ioComponents()).as("IO modelled").isNotNull();
            for (String k : List.of("read_io", "write_termination", "read_idle_rank_termination",
                    "write_idle_rank_termination")) {
                double want = io.has(k) ? pj(io, k) : 0;
                assertThat(got.ioComponents().getOrDefault(k, 0.0)).as(k).isCloseTo(want, within(tolerance(want)));
            }
            assertThat(got.totalJoules()).as("total with IO").isCloseTo(pj(io, "total"), within(tolerance(pj(io, "total"))));
        }));
    }

    /** A legacy trace names no rank: a DRAMPower 5 trace naming rank 1 cannot be counted the legacy way. */
    @Test
    void legacyCountingRefusesATraceOfSeveralRanks() throws IOException {
        DramSpec dimm = MemspecLoader.load(GoldenDramPowerTest.goldenDir()
                .resolve("memspecs/MICRON_2GB_DDR3-1600_64bit_G_UDIMM.xml")).spec();
        assertThat(dimm.organization().ranks()).isEqualTo(2);
        CommandTrace twoRanks = TraceReader.read("two.csv", new StringReader("0,ACT,0,0,0,0,0\n1,ACT,1,0,0,0,0\n40,END,0,0,0,0,0\n"),
                dimm.organization(), null);
        assertThatThrownBy(() -> EnergyListener.over(dimm, EnergyCounting.DRAMPOWER_4_1, twoRanks).cycles())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("names rank 1")
                .hasMessageContaining("--counting drampower5");
        // DRAMPower 5 counting follows both ranks
        StateCycles s = EnergyListener.over(dimm, EnergyCounting.DRAMPOWER_5_1, twoRanks).cycles();
        assertThat(s.act()).isEqualTo(2);
    }

    private static double pj(JsonNode n, String k) {
        return n.get(k).asDouble() * 1e-12;
    }

    private static double tolerance(double joules) {
        return PRINTED + 1e-9 * Math.abs(joules);
    }
}
