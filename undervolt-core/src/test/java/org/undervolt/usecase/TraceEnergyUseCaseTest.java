package org.undervolt.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.energy.RailScaling;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.io.Json;

/** {@code undervolt dram energy}'s work as a library call: the energy the command printed, to the byte. */
class TraceEnergyUseCaseTest {
    private static final Path TRACE = Path.of("..", "examples", "commands.csv");

    /** What {@code undervolt dram energy --part DDR4-2400 --trace examples/commands.csv --vdd 1.1 --json} printed. */
    private static final String PRINTED = "{\"part\":\"DDR4-2400\",\"part_format\":\"UNDERVOLT_PRESET\",\"memory_id\":\"DDR4-2400_4Gb_x8\",\"trace\":\"../exam"
            + "ples/commands.csv\",\"counting\":\"DRAMPOWER_4_1\",\"counting_description\":\"DRAMPower 4.1 (legacy model)\","
            + "\"core_rail\":\"VDD\",\"vdd_nominal\":1.2,\"vdd\":1.1,\"energy_law\":\"quadratic\",\"timing_checked\":true,\"core_j"
            + "\":2.266567368055556E-6,\"io_j\":3.654993333333334E-7,\"total_j\":2.6320667013888893E-6,\"components_j\":{\""
            + "act\":2.7217192708333337E-8,\"pre\":1.0937500000000001E-8,\"rd\":1.5139889722222227E-6,\"wr\":7.12807638888"
            + "889E-9,\"rda\":0.0,\"wra\":0.0,\"ref\":5.838754166666668E-8,\"act_background\":6.452761944444446E-7,\"pre_bac"
            + "kground\":3.6318906250000006E-9,\"power_down\":0.0,\"self_refresh\":0.0},\"io_components_j\":{\"read_io\":3.5"
            + "586600000000007E-7,\"write_termination\":9.633333333333335E-9},\"commands\":{\"ACT\":31,\"PRE\":1,\"PREA\":3,\""
            + "RD\":3206,\"WR\":17,\"REFA\":3},\"cycles\":{\"total\":17566,\"active\":17453,\"precharged\":113,\"bank_active_sum\""
            + ":86160,\"power_down\":0,\"self_refresh\":0},\"precharges_counted\":25,\"rail_scaling\":\"core\"}";

    private static TraceEnergyRequest request(Double vdd, boolean timingCheck) {
        return new TraceEnergyRequest(MemspecLoader.resolve("DDR4-2400"), TRACE, null, vdd, VoltageScaling.DEFAULT,
                RailScaling.parse("core"), timingCheck);
    }

    @Test
    void thePricedTraceIsWhatTheCommandPrinted() {
        TraceEnergyResult r = TraceEnergyUseCase.run(request(1.1, true));
        assertThat(Json.compact(Json.fields(r))).isEqualTo(PRINTED);
    }

    @Test
    void nominalByDefaultAndTheTimingCheckChangesNoJoule() {
        TraceEnergyResult nominal = TraceEnergyUseCase.run(request(null, true));
        assertThat(nominal.vdd()).isEqualTo(1.2);
        // undervolt dram energy --part DDR4-2400 --trace examples/commands.csv printed total 3.060321e-06 J
        assertThat(String.format(java.util.Locale.ROOT, "%.6e", nominal.totalJ())).isEqualTo("3.060321e-06");
        TraceEnergyResult unchecked = TraceEnergyUseCase.run(request(null, false));
        assertThat(unchecked.timingChecked()).isFalse();
        assertThat(unchecked.totalJ()).isEqualTo(nominal.totalJ());
    }

    @Test
    void aVoltageThatIsNotPositiveIsABadSetting() {
        assertThatThrownBy(() -> request(0.0, true)).isInstanceOf(BadSetting.class)
                .satisfies(e -> assertThat(((BadSetting) e).named(SettingNames.options(Map.of())))
                        .hasMessage("--vdd 0.0: expected a positive voltage"));
    }
}
