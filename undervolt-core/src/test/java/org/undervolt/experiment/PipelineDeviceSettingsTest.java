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

/**
 * Issue 16, item 7: every pipeline preset has devices and energy_law, and the mapping stage obeys them; issue 19: the
 * devices are one key, {@code devices}, where the old {@code ber_table} still reads and the identity is as before.
 */
class PipelineDeviceSettingsTest {

    @Test
    void everyPresetHasTheDeviceSettings() {
        for (String pipeline : new String[] {"eden", "sparkxd"}) {
            for (String name : PipelineConfig.presetNames(pipeline)) {
                Map<String, Object> v = PipelineConfig.preset(pipeline, name).values();
                assertThat(v).as(pipeline + " " + name).containsKeys("devices", "energy_law").doesNotContainKey("ber_table");
                assertThat(v.get("devices")).as(pipeline + " " + name).isEqualTo("voltron");
                assertThat(v.get("energy_law")).as(pipeline + " " + name).isEqualTo("quadratic");
            }
        }
    }

    @Test
    void devicesSelectsAndTheOldBerTableStillSetsIt() {
        PipelineConfig c = PipelineConfig.preset("eden", "quick").withSettings(List.of("devices=voltron-C"));
        DeviceSet set = MappingStage.devices(c);
        assertThat(set.devices()).isNotEmpty().allSatisfy(d -> assertThat(d.vendor()).isEqualTo("C"));
        PipelineConfig old = c.withSettings(List.of("ber_table=voltron:B7"));
        assertThat(old.values()).containsEntry("devices", "voltron:B7").doesNotContainKey("ber_table");
        DeviceSet one = MappingStage.devices(old);
        assertThat(one.devices()).singleElement().satisfies(d -> assertThat(d.name()).isEqualTo("voltron:B7"));
        // as before, ber_table wins over devices given with it, whatever their order; null (printed configs) sets nothing
        assertThat(c.withSettings(List.of("ber_table=voltron:B7", "devices=voltron-A")).values()).containsEntry("devices", "voltron:B7");
        assertThat(c.withSettings(List.of("ber_table=null", "devices=voltron-A")).values()).containsEntry("devices", "voltron-A");
        assertThat(c.withSettings(List.of("ber_table=null")).values()).containsEntry("devices", "voltron-C");
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
        Map<String, Object> out = MappingStage.run(net, "eden", c, tol, 1e-5, 1e-4);
        assertThat(out.get("energy_law")).isEqualTo("linear");
        assertThat((double) out.get("energy_saving")).isEqualTo((double) out.get("energy_saving_linear"));
        assertThat((double) out.get("energy_saving_linear")).isLessThan((double) out.get("energy_saving_quadratic"));
        assertThat(String.valueOf(out.get("plan_device"))).startsWith("voltron:C");
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) out.get("devices_summary");
        assertThat(summary.get("devices")).isEqualTo(MappingStage.devices(c).devices().size());
        assertThat((List<?>) out.get("saving_vs_tolerance")).hasSize(15);
    }

    /** The identity of a run, before and after devices and ber_table became one key: the same text, so runs are found. */
    @Test
    void theIdentityIsTheOneOfTheTwoKeys(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        for (String pipeline : new String[] {"eden", "sparkxd"}) {
            for (String name : PipelineConfig.presetNames(pipeline)) {
                PipelineConfig c = PipelineConfig.preset(pipeline, name);
                assertThat(c.canonical()).as(pipeline + " " + name).isEqualTo(before(c, c.text("devices"), null));
                PipelineConfig vendor = c.withSettings(List.of("devices=voltron-B"));
                assertThat(vendor.canonical()).isEqualTo(before(vendor, "voltron-B", null));
            }
        }
        java.nio.file.Path curve = java.nio.file.Files.writeString(dir.resolve("curve.csv"), "# my chips, nominal_vdd_v: 1.35\nvdd_v,ber\n1.35,0\n1.1,1e-3\n");
        PipelineConfig file = PipelineConfig.preset("sparkxd", "quick").withSettings(List.of("devices=" + curve));
        assertThat(file.canonical()).isEqualTo(before(file, "voltron", curve.toString()));
        assertThat(PipelineConfig.preset("sparkxd", "quick").withSettings(List.of("ber_table=" + curve)).canonical())
                .isEqualTo(file.canonical());
        assertThat(MappingStage.devices(file).devices()).singleElement();
    }

    /**
     * The identity as it was written before issue 19: every value under its old key, devices and ber_table apart (and
     * no {@code paired_draws}, added after it).
     */
    private static String before(PipelineConfig c, String devices, String berTable) {
        Map<String, Object> old = new java.util.LinkedHashMap<>();
        c.values().forEach((k, v) -> old.put(k.equals("part") ? "preset" : k.equals("row_policy") ? "page_policy" : k, v));
        old.remove("paired_draws"); // added later, as null; an identity has it only when set

        old.put("devices", devices);
        old.put("ber_table", berTable);
        return org.undervolt.io.Json.canonical(old);
    }
}
