package org.undervolt.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.sim.SimConfig;
import org.undervolt.dram.sim.SimPresets;
import org.undervolt.dram.sim.SimSpec;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.io.Json;

/** {@code undervolt dram simulate}'s work as a library call: the run the command printed, to the byte. */
class SimulateUseCaseTest {
    private static final Path REQUESTS = Path.of("..", "examples", "requests.trace");

    /** What {@code undervolt dram simulate --part DDR4-2400 --requests examples/requests.trace --json} printed. */
    private static final String OPEN = "{\"requests_file\":\"../examples/requests.trace\",\"part\":\"DDR4-2400_4Gb_x8\",\"standard\":\"DDR4\",\"protocol\""
            + ":\"DDR\",\"channels\":1,\"ranks\":1,\"mapping\":\"RoBaRaCoCh\",\"row_policy\":\"open\",\"scheduler\":\"frfcfs\",\"refre"
            + "sh\":\"all-bank\",\"tck_ns\":0.833,\"requests\":3239,\"cycles\":17241,\"drained\":false,\"drain_cycles\":17241,\"r"
            + "eads\":3222,\"writes\":17,\"row_hits\":3143,\"row_misses\":29,\"row_conflicts\":1,\"read_row_hits\":3143,\"read_"
            + "row_misses\":29,\"read_row_conflicts\":1,\"write_row_hits\":0,\"write_row_misses\":0,\"write_row_conflicts\":"
            + "0,\"avg_read_latency_cycles\":194.9608938547486,\"avg_read_latency_ns\":162.4024245810056,\"reads_complet"
            + "ed\":3185,\"reads_forwarded\":16,\"commands\":{\"ACT\":30,\"PRE\":1,\"PREA\":3,\"RD\":3173,\"WR\":0,\"RDA\":0,\"WRA\":0"
            + ",\"REFA\":3},\"note\":\"stopped when the last request was accepted (Ramulator 2.0a's memory_system_cycles"
            + "); reads still in flight then add no latency, as in Ramulator's per-accepted-read average\"}";

    /**
     * What {@code undervolt dram simulate --part DDR3_4Gb_x8+DDR3_1600K --requests examples/requests.trace
     * --row-policy closed --commands-out OUT --json} printed.
     */
    private static final String CLOSED = "{\"requests_file\":\"../examples/requests.trace\",\"part\":\"DDR3_4Gb_x8+DDR3_1600K\",\"standard\":\"DDR3\",\"pro"
            + "tocol\":\"DDR\",\"channels\":1,\"ranks\":1,\"mapping\":\"RoBaRaCoCh\",\"row_policy\":\"closed\",\"scheduler\":\"frfcfs"
            + "\",\"refresh\":\"all-bank\",\"closed_cap\":1,\"tck_ns\":1.25,\"requests\":3239,\"cycles\":96092,\"drained\":false,\""
            + "drain_cycles\":96092,\"reads\":3222,\"writes\":17,\"row_hits\":0,\"row_misses\":3173,\"row_conflicts\":0,\"read_"
            + "row_hits\":0,\"read_row_misses\":3173,\"read_row_conflicts\":0,\"write_row_hits\":0,\"write_row_misses\":0,\"w"
            + "rite_row_conflicts\":0,\"avg_read_latency_cycles\":1002.804469273743,\"avg_read_latency_ns\":1253.5055865"
            + "921788,\"reads_completed\":3188,\"reads_forwarded\":16,\"commands\":{\"ACT\":3173,\"PRE\":3172,\"PREA\":4,\"RD\":3"
            + "172,\"WR\":0,\"RDA\":0,\"WRA\":0,\"REFA\":15},\"note\":\"stopped when the last request was accepted (Ramulator "
            + "2.0a's memory_system_cycles); reads still in flight then add no latency, as in Ramulator's per-accep"
            + "ted-read average\",\"commands_out\":\"OUT\"}";

    private static SimConfig config(SimSpec spec, PagePolicy policy) {
        return new SimConfig(spec, "RoBaRaCoCh", policy, 1, 32, false, null, SimConfig.DEFAULT_SCHEDULER,
                SimConfig.DEFAULT_REFRESH);
    }

    @Test
    void anOpenRowRunIsWhatTheCommandPrinted() throws Exception {
        SimSpec ddr4 = SimSpec.of(MemspecLoader.resolve("DDR4-2400").spec().asRank());
        SimulateResult r = SimulateUseCase.run(new SimulateRequest(config(ddr4, PagePolicy.OPEN), REQUESTS, null));
        assertThat(Json.compact(r.json())).isEqualTo(OPEN);
        assertThat(r.mapping()).isEqualTo("RoBaRaCoCh");
    }

    @Test
    void aClosedRowRunWritesTheCommandsItCounted(@TempDir Path tmp) throws Exception {
        SimSpec ddr3 = SimSpec.of(SimPresets.byName("DDR3_4Gb_x8+DDR3_1600K", 1, 1));
        Path out = tmp.resolve("commands.csv");
        SimulateResult r = SimulateUseCase.run(new SimulateRequest(config(ddr3, PagePolicy.CLOSED), REQUESTS, out));
        assertThat(Json.compact(r.json()).replace(out.toString(), "OUT")).isEqualTo(CLOSED);
        long acts = Files.readAllLines(out).stream().filter(l -> l.contains(",ACT")).count();
        assertThat(acts).isEqualTo(r.commands().get("ACT"));
    }

    @Test
    void aCommandTraceOfSeveralChannelsOrIntoNoFolderIsABadSetting(@TempDir Path tmp) {
        SimSpec two = SimSpec.of(SimPresets.byName("DDR3_4Gb_x8+DDR3_1600K", 2, 1));
        SettingNames options = SettingNames.options(Map.of());
        assertThatThrownBy(() -> new SimulateRequest(config(two, PagePolicy.OPEN), REQUESTS, tmp.resolve("c.csv")))
                .isInstanceOf(BadSetting.class).satisfies(e -> assertThat(((BadSetting) e).named(options))
                        .hasMessage("--commands-out: a DRAMPower trace describes one channel, expected --channels 1"));
        Path nowhere = tmp.resolve("no").resolve("c.csv");
        SimSpec one = SimSpec.of(SimPresets.byName("DDR3_4Gb_x8+DDR3_1600K", 1, 1));
        assertThatThrownBy(() -> new SimulateRequest(config(one, PagePolicy.OPEN), REQUESTS, nowhere))
                .isInstanceOf(BadSetting.class).satisfies(e -> assertThat(((BadSetting) e).named(options))
                        .hasMessage("--commands-out " + nowhere + ": no such directory"));
    }
}
