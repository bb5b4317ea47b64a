package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.mapping.NetworkData;
import org.undervolt.mapping.NetworkShapes;
import org.undervolt.mapping.Tolerances;

/** Issue 16, item 7: every pipeline preset has devices, ber_table and energy_law, and the mapping stage obeys them. */
class PipelineDeviceSettingsTest {

    @Test
    void everyPresetHasTheDeviceSettings() {
        for (String pipeline : new String[] {"eden", "sparkxd"}) {
            for (String name : PipelineConfig.presetNames(pipeline)) {
                Map<String, Object> v = PipelineConfig.preset(pipeline, name).values();
                assertThat(v).as(pipeline + " " + name).containsKeys("devices", "ber_table", "energy_law");
                assertThat(v.get("devices")).as(pipeline + " " + name).isEqualTo("voltron");
                assertThat(v.get("energy_law")).as(pipeline + " " + name).isEqualTo("quadratic");
            }
        }
    }

    @Test
    void devicesSelectsAndBerTableOverridesIt() {
        PipelineConfig c = PipelineConfig.preset("eden", "quick").withSettings(List.of("devices=voltron-C"));
        DeviceSet set = MappingStage.devices(c);
        assertThat(set.devices()).isNotEmpty().allSatisfy(d -> assertThat(d.vendor()).isEqualTo("C"));
        DeviceSet one = MappingStage.devices(c.withSettings(List.of("ber_table=voltron:B7")));
        assertThat(one.devices()).singleElement().satisfies(d -> assertThat(d.name()).isEqualTo("voltron:B7"));
        assertThatThrownBy(() -> MappingStage.check(c.withSettings(List.of("devices=diva")), "eden"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("devices diva").hasMessageContaining("vdd");
        assertThatThrownBy(() -> MappingStage.check(c.withSettings(List.of("energy_law=cubic")), "eden"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cubic");
    }

    @Test
    void theMappingStageUsesTheChosenDevicesAndEnergyLaw() {
        NetworkData net = NetworkShapes.resolve("lenet5", null, 0, "int8");
        Tolerances tol = new Tolerances(Map.of("weights", 1e-4, "ifm", 0.0, "output", 0.0));
        PipelineConfig c = PipelineConfig.preset("eden", "quick").withSettings(List.of("devices=voltron-C", "energy_law=linear"));
        Map<String, Object> out = MappingStage.run(net, "eden", c, tol);
        assertThat(out.get("energy_law")).isEqualTo("linear");
        assertThat((double) out.get("energy_saving")).isEqualTo((double) out.get("energy_saving_linear"));
        assertThat((double) out.get("energy_saving_linear")).isLessThan((double) out.get("energy_saving_quadratic"));
        assertThat(String.valueOf(out.get("plan_device"))).startsWith("voltron:C");
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) out.get("devices_summary");
        assertThat(summary.get("devices")).isEqualTo(MappingStage.devices(c).devices().size());
        assertThat((List<?>) out.get("saving_vs_tolerance")).hasSize(15);
    }
}
