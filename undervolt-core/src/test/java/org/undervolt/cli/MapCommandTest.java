package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class MapCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = UndervoltCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void edenOnLeNetPrintsPlanEnergyAndSaving() throws Exception {
        Run r = run("map", "--network", "lenet5", "--format", "int8", "--weights-ber", "1e-4", "--ifm-ber", "1e-6", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("scheme").asText()).isEqualTo("eden-greedy");
        assertThat(j.get("plan")).hasSize(11);
        for (JsonNode p : j.get("plan")) {
            assertThat(p.get("ber").asDouble()).isLessThanOrEqualTo(p.get("tolerable_ber").asDouble());
        }
        double nominal = j.get("nominal").get("total_j").asDouble();
        double chosen = j.get("chosen").get("total_j").asDouble();
        assertThat(j.get("energy_saving").asDouble()).isCloseTo(1 - chosen / nominal, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(j.get("energy_saving").asDouble()).isBetween(0.05, 0.6);
        assertThat(j.get("greedy_vs_exact").get("exact_joules").asDouble())
                .isLessThanOrEqualTo(j.get("greedy_vs_exact").get("greedy_joules").asDouble());
        assertThat(j.get("partitions")).hasSize(8);
    }

    @Test
    void sparkXdOnSnnLowersTheWholeModuleAndKeepsTheWeightsSafe() throws Exception {
        Run r = run("map", "--network", "snn", "--neurons", "100", "--format", "fp32", "--weights-ber", "1e-4",
                "--ifm-ber", "1e-4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("scheme").asText()).isEqualTo("sparkxd");
        assertThat(j.get("module").get("part").asText()).isEqualTo("LPDDR3-1600_4Gb_x32");
        JsonNode w = j.get("plan").get(0);
        assertThat(w.get("item").asText()).isEqualTo("exc.weights");
        assertThat(w.get("bytes").asLong()).isEqualTo(784L * 100 * 4);
        assertThat(w.get("ber").asDouble()).isLessThanOrEqualTo(1e-4);
        assertThat(j.get("energy_saving").asDouble()).isGreaterThan(0.1);
    }

    @Test
    void badInputIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        Run r = run("map", "--network", "alexnet", "--weights-ber", "1e-4");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("--network");
        Path tol = dir.resolve("t.json");
        Files.writeString(tol, "{\"weights\": 2}");
        r = run("map", "--tolerance", tol.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("t.json").contains("[0, 1]");
        assertThat(run("map").code()).isEqualTo(2);
    }

    @Test
    void gapReportsGreedyAgainstOptimal() throws Exception {
        Run r = run("map", "gap", "--instances", "30", "--items", "6", "--partitions", "4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("feasible").asInt()).isPositive();
        assertThat(j.get("mean_gap").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(j.get("max_gap").asDouble()).isGreaterThanOrEqualTo(j.get("mean_gap").asDouble());
    }
}
