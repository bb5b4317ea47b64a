package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The summary's {@code runner}: where the tolerance stages' trials ran, a stage from before runners were recorded being local. */
class PipelineRunnerTest {

    private static Map<String, Map<String, Object>> stages(Object baseline, Object retrained) {
        Map<String, Map<String, Object>> r = new LinkedHashMap<>();
        r.put("model", Map.of("runner", "ignored: not a tolerance stage"));
        Map<String, Object> b = new LinkedHashMap<>();
        if (baseline != null) {
            b.put("runner", baseline);
        }
        r.put("tolerance-baseline", b);
        Map<String, Object> t = new LinkedHashMap<>();
        if (retrained != null) {
            t.put("runner", retrained);
        }
        r.put("tolerance-retrained", t);
        return r;
    }

    @Test
    void namesEachDistinctRunnerOfTheToleranceStages() {
        assertThat(PipelineRun.runner(stages("spark://h:7077", "spark://h:7077"))).isEqualTo("spark://h:7077");
        assertThat(PipelineRun.runner(stages(null, "local[2]"))).isEqualTo("local, local[2]");
        assertThat(PipelineRun.runner(stages(null, null))).isEqualTo("local");
        assertThat(PipelineRun.runner(Map.of("train", Map.of()))).isEqualTo("local");
    }
}
