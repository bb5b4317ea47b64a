package org.undervolt.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.mapping.Granularity;
import org.undervolt.mapping.PartitionSet;
import org.undervolt.mapping.RowAllocator;

/** The bounds of a mapping run, one place for the CLI and the pipelines, each naming the key its own way. */
class MapSettingsTest {

    private static MapSettings eden(Integer devices, int partitions, double step) {
        return new MapSettings(MapScheme.EDEN, DramPresets.get("DDR4-2400_4Gb_x8"), devices, MapSettings.dataflow("streaming"),
                DeviceSet.select("voltron"), MapSettings.defaultTrcdDevice(), FloorPolicy.STOP, VoltageScaling.QUADRATIC,
                PagePolicy.parse("open"), RowAllocator.Order.DRMAP, step, new MapSettings.Partitions(null, Granularity.BANK,
                partitions, null, 0.5, PartitionSet.TrcdSteps.LINEAR, false), null);
    }

    @Test
    void aGoodRequestKeepsItsValues() {
        MapSettings s = eden(null, 16, 0.005);
        assertThat(s.module().organization().devices()).isEqualTo(8); // a 64-bit rank of x8 parts
        assertThat(s.partitions().count()).isEqualTo(16);
    }

    @Test
    void moreEdenPartitionsThanBanksIsNamedInTheCallersWords() {
        BadSetting e = (BadSetting) org.assertj.core.api.Assertions.catchThrowable(() -> eden(null, 17, 0.005));
        assertThat(e.key()).isEqualTo("partition_count");
        assertThat(e.named(SettingNames.options(Map.of())).getMessage())
                .isEqualTo("--partition-count 17: expected 1..16 bank partitions");
        assertThat(e.named(k -> "eden setting '" + k + "' =").getMessage())
                .isEqualTo("eden setting 'partition_count' = 17: expected 1..16 bank partitions");
    }

    @Test
    void boundsAtTheirEdges() {
        eden(null, 1, 1e-4);
        eden(null, 1, 1);
        assertThatThrownBy(() -> eden(null, 1, 0.99e-4)).hasMessage("vdd_step 9.9E-5: expected a voltage step in [0.0001, 1]");
        assertThatThrownBy(() -> eden(null, 0, 0.005)).hasMessage("partition_count 0: expected an integer >= 1");
        assertThatThrownBy(() -> eden(0, 4, 0.005)).hasMessage("devices_per_rank 0: expected an integer in 1..1024");
        assertThatThrownBy(() -> eden(3, 4, 0.005)).isInstanceOf(BadSetting.class)
                .hasMessageContaining("burst is a power of two bytes (3 x DDR4-2400_4Gb_x8 makes 24)");
        assertThat(eden(4, 4, 0.005).module().organization().bytesPerBurst()).isEqualTo(32);
        assertThatThrownBy(() -> new MapSettings.WeakSubarrays(0, 1)).hasMessage("weak_fraction 0.0: expected a fraction in (0, 1]");
        assertThatThrownBy(() -> new MapSettings.Partitions(null, Granularity.BANK, 4, null, 1.01, PartitionSet.TrcdSteps.LINEAR,
                false)).hasMessage("trcd_min 1.01: expected a fraction of nominal tRCD in (0, 1]");
    }
}
