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
    void theJsonAndTheReportShowSavingVersusToleranceAcrossTheDevices(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("map.html");
        Run r = run("map", "--network", "lenet5", "--weights-ber", "1e-4", "--json", "--report", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode curve = j.get("saving_vs_tolerance");
        assertThat(curve).hasSize(15);
        double previous = -1;
        for (JsonNode row : curve) {
            double median = row.get("energy_saving").get("median").asDouble();
            assertThat(median).isGreaterThanOrEqualTo(previous);
            previous = median;
            assertThat(row.get("devices").asInt()).isEqualTo(30);
        }
        // not flat: more tolerance buys a lower voltage for the median device between 1e-8 and 1e-2
        assertThat(curve.get(12).get("energy_saving").get("median").asDouble())
                .isGreaterThan(curve.get(0).get("energy_saving").get("median").asDouble());
        // the bundled VDD and tRCD devices are different DIMMs: no combined point, and the reason
        assertThat(j.get("combined_point").get("available").asBoolean()).isFalse();
        assertThat(j.get("combined_point").get("reason").asText()).contains("different modules");
        String page = Files.readString(html);
        assertThat(page).contains("Energy saving versus tolerable BER across the measured devices")
                .contains("data-series=\"this network&#39;s tolerance\"")
                .contains("Every measured device at this network&#39;s tolerable BER (1.00e-04)")
                .contains(j.get("plan_device").asText() + " (planned with)")
                .contains("Partition map").contains("limited by " + j.get("limited_by").asText())
                .contains("Combined point: VDD and tRCD lowered together").contains("different modules");
        String devices = page.substring(page.indexOf("<section id=\"devices\">"));
        devices = devices.substring(0, devices.indexOf("</section>"));
        assertThat(devices.split("<td>voltron:", -1)).hasSize(31);
    }

    @Test
    void sparkXdPlacementSavesMoreAsTheSnnToleratesMoreOrSaysWhatLimitedIt() throws Exception {
        // the command: the saving follows the weights' tolerance until the devices' data ends
        double[] saving = new double[3];
        String[] why = new String[3];
        String[] tolerances = {"0", "1e-6", "1e-4"};
        for (int i = 0; i < 3; i++) {
            Run r = run("map", "--network", "snn", "--neurons", "400", "--scheme", "sparkxd", "--weights-ber", tolerances[i], "--json");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode j = new ObjectMapper().readTree(r.out());
            saving[i] = j.get("energy_saving").asDouble();
            why[i] = j.get("limited_by").asText();
        }
        assertThat(saving[1]).isGreaterThan(saving[0] + 0.005);
        assertThat(saving[2]).isGreaterThan(saving[1] + 0.005);
        assertThat(why[0]).isEqualTo("tolerance");
        // weak subarrays that follow VDD: the weights avoid the unsafe ones, so the module goes to the plan device's
        // lowest measured voltage at every tolerance, and says so
        for (String t : new String[] {"1e-6", "1e-3"}) {
            Run r = run("map", "--network", "snn", "--neurons", "400", "--scheme", "sparkxd", "--weak-fraction", "0.1",
                    "--weights-ber", t, "--json");
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertThat(j.get("limited_by").asText()).as(t).isEqualTo("data-floor");
        }
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
        Run r = run("map", "gap", "--instances", "30", "--items", "6", "--partition-count", "4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("feasible").asInt()).isPositive();
        assertThat(j.get("mean_gap").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(j.get("max_gap").asDouble()).isGreaterThanOrEqualTo(j.get("mean_gap").asDouble());
    }
}
