package org.undervolt.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.Knob;
import org.undervolt.dram.device.LimitedBy;
import org.undervolt.dram.device.OperatingPoint;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.io.JsonPins;

/** {@code undervolt operating-point}'s work as a library call: the same points and JSON the command printed. */
class OperatingPointUseCaseTest {

    private static OperatingPointRequest request(double tol, Knob knob, String devices, String combineWith) {
        return new OperatingPointRequest(tol, knob, devices == null ? null : DeviceSet.select(devices),
                DramPresets.get("DDR3L-1600"), VoltageScaling.DEFAULT, OperatingPointRequest.FLOOR, OperatingPointRequest.BOUND,
                combineWith == null ? null : DeviceSet.select(combineWith));
    }

    @Test
    void theJsonIsTheCommandsPin() {
        // operating-point --tolerable-ber 1e-4 --devices voltron-B --json (OperatingPointJsonTest's pin)
        JsonPins.assertPinned("operating-point", OperatingPointUseCase.run(request(1e-4, null, "voltron-B", null)).json());
    }

    @Test
    void byDefaultVoltronsDimmsCombinedWithDivas() {
        // operating-point --tolerable-ber 1e-4 printed 30 devices (voltron), voltron:A1 at 1.1 V (data floor),
        // saving 0.28647725609829056; 17 limited by tolerance, 13 by the data floor; no combined point (with diva)
        OperatingPointResult r = OperatingPointUseCase.run(request(1e-4, null, null, null));
        assertThat(r.lookup().devices().selector()).isEqualTo("voltron");
        assertThat(r.points()).hasSize(30);
        OperatingPoint a1 = r.points().get(0);
        assertThat(a1.device().name()).isEqualTo("voltron:A1");
        assertThat(a1.chosen()).isEqualTo(1.1);
        assertThat(a1.limitedBy()).isEqualTo(LimitedBy.DATA_FLOOR);
        assertThat(a1.energySaving()).isEqualTo(0.28647725609829056);
        assertThat(r.points().stream().filter(p -> p.limitedBy() == LimitedBy.TOLERANCE).count()).isEqualTo(17);
        assertThat(r.combinedWith()).isEqualTo("diva");
        assertThat(r.combined().points()).isEmpty();
        assertThat(r.combined().reason()).startsWith("no combined point: none of the 30 BER(VDD) devices (voltron)");
    }

    @Test
    void knobTrcdTakesDivasDimmsCombinedWithVoltrons() {
        // operating-point --tolerable-ber 1e-4 --knob trcd printed 103 devices (diva), diva:A01 at 11.25 ns
        OperatingPointResult r = OperatingPointUseCase.run(request(1e-4, Knob.TRCD, null, null));
        assertThat(r.points()).hasSize(103);
        assertThat(r.points().get(0).device().name()).isEqualTo("diva:A01");
        assertThat(r.points().get(0).chosen()).isEqualTo(11.25);
        assertThat(r.points().get(0).latencyChange()).isEqualTo(-0.06060606060606066);
        assertThat(r.combinedWith()).isEqualTo("voltron");
    }

    @Test
    void devicesOfTheWrongKnobAreBadRequestsNamedAsTheCommandNamesThem() {
        SettingNames options = SettingNames.options(Map.of());
        assertThatThrownBy(() -> request(1e-4, Knob.TRCD, "voltron", null))
                .isInstanceOf(BadSetting.class)
                .satisfies(e -> assertThat(((BadSetting) e).named(options)).hasMessage(
                        "--devices voltron: its devices are measured against vdd, not --knob trcd (voltron*: vdd, diva*: trcd)"));
        assertThatThrownBy(() -> request(1e-4, null, null, "voltron-A"))
                .isInstanceOf(BadSetting.class)
                .satisfies(e -> assertThat(((BadSetting) e).named(options)).hasMessage(
                        "--combine-with voltron-A: expected devices measured against the other knob (trcd), got vdd devices"));
        assertThatThrownBy(() -> request(2, null, null, null)).isInstanceOf(BadSetting.class)
                .hasMessage("tolerable_ber 2.0: expected a BER in [0, 1]");
    }
}
