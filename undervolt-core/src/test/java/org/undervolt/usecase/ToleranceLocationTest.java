package org.undervolt.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.mapping.LocationStorage;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.EvaluationMode;
import org.undervolt.resilience.ReadCorrection;
import org.undervolt.resilience.SnnToleranceRun;
import org.undervolt.resilience.ToleranceSearch;
import org.undervolt.storage.Formats;

/**
 * {@code undervolt tolerance --location-device SEL --location-part PART} as a library request: the weak-subarray
 * storage the SNN's trials read their weights through, built as the command built it.
 */
class ToleranceLocationTest {

    @Test
    void aNamedDeviceOnAPresetIsTheStorageTheCommandBuilt() {
        ToleranceRequest.Location where = ToleranceRequest.Location.named("LPDDR3-1600", "voltron:A4");
        assertThat(where.part()).isEqualTo("LPDDR3-1600_4Gb_x32"); // the preset's own name, as before
        assertThat(where.device()).isEqualTo(DeviceSet.select("voltron:A4").devices().get(0));
        LocationStorage s = where.storage(7);
        assertThat(s.key()).isEqualTo("location:voltron:A4:seed=7:part=LPDDR3-1600_4Gb_x32");
        LocationStorage same = new LocationStorage("LPDDR3-1600_4Gb_x32", "voltron:A4", where.device(), 7);
        assertThat(s.maxBer()).isEqualTo(same.maxBer()).isPositive();
        assertThat(s.volts(1e-3)).isEqualTo(same.volts(1e-3));
    }

    @Test
    void theRequestReadsTheWeightsThroughTheLocationSeededByTheOptions() {
        var options = new SnnToleranceRun.Options(Path.of("n.snn"), Formats.byName("q1.6"), "uniform", 3,
                ReadCorrection.CLAMP, new ToleranceSearch.Settings(1e-6, 0.1, 1, 4, 5, 1), 0.01,
                Acceptance.Rule.parse("mean"), 100, 1, null, Path.of("out"), EvaluationMode.SEQUENTIAL);
        var test = SyntheticDatasets.separableBlobs(10, 28, 28, 10, 1);
        ToleranceRequest r = ToleranceRequest.of(options, test, ToleranceRequest.Location.named("LPDDR3-1600", "voltron:B8"));
        assertThat(r.snn().storage().key()).isEqualTo("location:voltron:B8:seed=3:part=LPDDR3-1600_4Gb_x32");
        assertThat(r.snn()).usingRecursiveComparison().ignoringFields("storage").isEqualTo(options);
        assertThat(ToleranceRequest.of(options, test, null).snn()).isSameAs(options);
    }

    @Test
    void aSelectorOfManyDevicesOrAnUnknownPartIsBadInput() {
        assertThatThrownBy(() -> ToleranceRequest.Location.named("LPDDR3-1600", "voltron")).isInstanceOf(BadSetting.class)
                .satisfies(e -> assertThat(((BadSetting) e).named(SettingNames.options(Map.of())).getMessage())
                        .startsWith("--location-device voltron: expected one BER(VDD) device, e.g. voltron:B8 (got "));
        assertThatThrownBy(() -> ToleranceRequest.Location.named("DDR9", "voltron:B8")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("DDR9: no such memspec file, nor a preset");
    }
}
