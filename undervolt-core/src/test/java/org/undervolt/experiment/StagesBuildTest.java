package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder remembers the build that started it; resuming it with another build says so. */
class StagesBuildTest {
    private static List<String> open(Path dir, PipelineConfig c) {
        List<String> log = new ArrayList<>();
        try (Stages s = new Stages(dir, c, null, log::add, null)) {
            return log;
        }
    }

    @Test
    void resumingWithTheSameBuildIsQuietAndAnotherBuildIsNamed(@TempDir Path tmp) throws Exception {
        PipelineConfig c = PipelineConfig.preset(EdenPipeline.KIND, "quick");
        Path dir = tmp.resolve("run");
        assertThat(open(dir, c)).noneMatch(l -> l.startsWith("warning"));
        assertThat(Files.readString(dir.resolve(Stages.BUILD_FILE)).strip()).isEqualTo(Stages.thisBuild());
        assertThat(open(dir, c)).as("same build").noneMatch(l -> l.startsWith("warning"));

        Files.writeString(dir.resolve(Stages.BUILD_FILE), "undervolt 0.0.1 (git 0123abc)\n");
        assertThat(open(dir, c)).anySatisfy(l -> assertThat(l)
                .startsWith("warning: " + dir + " was started by undervolt 0.0.1 (git 0123abc), this is " + Stages.thisBuild())
                .contains("finished stages are reused"));

        Files.delete(dir.resolve(Stages.BUILD_FILE));
        assertThat(open(dir, c)).anySatisfy(l -> assertThat(l).contains("was started by an older build"));
    }
}
