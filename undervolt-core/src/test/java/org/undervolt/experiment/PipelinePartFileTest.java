package org.undervolt.experiment;

import org.undervolt.mapping.LocationStorage;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.data.DataSource;

/**
 * A pipeline's or the demo's {@code part} as a memspec file (issue 19): it is checked when the config is made and
 * enters the run's identity by content, so two files of one name never share a run; a preset's identity is as before.
 */
class PipelinePartFileTest {
    private static final Path MEMSPEC = Path.of("src/test/resources/golden/dram/memspecs/MICRON_4Gb_LPDDR3-1600_32bit_A.xml");

    private static PipelineConfig sparkxd(Object part) {
        return PipelineConfig.preset("sparkxd", "quick").withSettings(List.of("part=" + part)).checkTogether();
    }

    private static DemoConfig demo(String part) {
        return new DemoConfig(DataSource.of("mnist", null), new int[] {16}, 3, 1, 3, 1e-4, 1e-1, 1, 0.01, "int8", part,
                "quadratic", null, 0, false, null);
    }

    @Test
    void aFilesContentIsInTheIdentityAndAPresetsIdentityIsAsBefore(@TempDir Path tmp) throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a")).resolve("part.xml");
        Path b = Files.createDirectories(tmp.resolve("b")).resolve("part.xml");
        Files.copy(MEMSPEC, a);
        Files.writeString(b, Files.readString(MEMSPEC) + "\n");
        String preset = sparkxd("LPDDR3-1600_4Gb_x32").canonical();
        assertThat(preset).doesNotContain("part_sha256").contains("\"preset\":\"LPDDR3-1600_4Gb_x32\"");
        String ca = sparkxd(a).canonical();
        assertThat(ca).contains("\"part_sha256\":\"").isNotEqualTo(sparkxd(b).canonical());
        assertThat(sparkxd(a).canonical()).isEqualTo(ca);
        Files.writeString(a, Files.readString(MEMSPEC) + "\n"); // the same path, another content: another run
        assertThat(sparkxd(a).canonical()).isNotEqualTo(ca).isEqualTo(sparkxd(b).canonical().replace(b.toString(), a.toString()));
        assertThat(demo("LPDDR3-1600_4Gb_x32").identity()).doesNotContain("part_sha256");
        assertThat(demo(a.toString()).identity()).contains("part_sha256").isNotEqualTo(demo(MEMSPEC.toString()).identity());
    }

    @Test
    void theLocationModelReadsThePartFromTheFileAsFromItsPreset(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("lpddr3.xml");
        Files.copy(MEMSPEC, a);
        PipelineConfig c = PipelineConfig.preset("sparkxd", "quick").withSettings(List.of("weak_fraction=0.1"));
        LocationStorage byName = MappingStage.location(c);
        LocationStorage byFile = MappingStage.location(c.withSettings(List.of("part=" + a)));
        assertThat(byFile.errorModel()).endsWith(",part=" + a);
        assertThat(byFile.key()).contains(":part=" + a + " sha256:");
        assertThat(byFile.maxBer()).isEqualTo(byName.maxBer());
        for (double ber : new double[] {1e-5, byName.maxBer()}) {
            assertThat(byFile.volts(ber)).isEqualTo(byName.volts(ber));
            assertThat(byFile.at(ber, 1 << 20).get("unsafe_weight_subarrays"))
                    .isEqualTo(byName.at(ber, 1 << 20).get("unsafe_weight_subarrays"));
        }
    }
}
