package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.undervolt.cli.UndervoltCli;
import org.undervolt.io.Json;
import org.undervolt.mapping.NetworkShapes;
import org.undervolt.mapping.Tolerances;

/** The pipelines' mapping stage and {@code undervolt map} are one implementation: the same settings, the same plan. */
class MappingStageTest {

    @Test
    void theStageAndTheMapCommandAgreeOnTheSameSettings() throws Exception {
        PipelineConfig c = PipelineConfig.preset("eden", "quick");
        var tol = new Tolerances(Map.of("weights", 1e-3, "ifm", 1e-5, "output", 0.0));
        Map<String, Object> stage = MappingStage.run(NetworkShapes.resolve("lenet5", null, 0, "int8"), "eden", c, tol, 1e-4, 1e-3);

        var cl = UndervoltCli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("map", "--network", "lenet5", "--format", "int8", "--weights-ber", "1e-3", "--ifm-ber", "1e-5",
                "--json"); // the stage's partitions: EDEN's separate voltage and latency partitions (error-free tRCD)
        assertThat(code).isZero();
        JsonNode cli = Json.mapper().readTree(out.toString());
        JsonNode st = Json.mapper().readTree(Json.write(stage)); // both as printed
        assertThat(st.get("part").asText()).isEqualTo(cli.get("module").get("part").asText()).isEqualTo("DDR4-2400_4Gb_x8");
        assertThat(st.get("plan")).isEqualTo(cli.get("plan"));
        assertThat(st.get("partitions")).isEqualTo(cli.get("partitions"));
        assertThat(st.get("energy_saving").asDouble()).isEqualTo(cli.get("energy_saving").asDouble()).isGreaterThan(0);
        assertThat(st.get("limited_by")).isEqualTo(cli.get("limited_by"));
    }
}
