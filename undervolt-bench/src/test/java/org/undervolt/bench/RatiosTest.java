package org.undervolt.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class RatiosTest {

    private static String result(String method, String params, String mode, double score, double error, String unit) {
        return "{\"benchmark\":\"org.undervolt.bench.GemmBench." + method + "\",\"mode\":\"" + mode + "\","
                + "\"params\":" + params + ",\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error
                + ",\"scoreUnit\":\"" + unit + "\"}}";
    }

    private static List<Ratios.Row> rows(String... results) throws Exception {
        return Ratios.rows(Ratios.parse(new ObjectMapper().readTree("[" + String.join(",", results) + "]")));
    }

    @Test
    void eachBenchmarkIsDividedByTheBaselineOfItsClassAndParameters() throws Exception {
        List<Ratios.Row> rows = rows(
                result("baselineScalar", "{\"shape\":\"a\"}", "avgt", 10, 1, "us/op"),
                result("baselineScalar", "{\"shape\":\"b\"}", "avgt", 100, 0, "us/op"),
                result("vector", "{\"shape\":\"a\"}", "avgt", 2500, 50, "ns/op"),
                result("vector", "{\"shape\":\"b\"}", "avgt", 0.2, 0, "ms/op"),
                result("vector", "{\"shape\":\"c\"}", "avgt", 1, 0, "us/op"));
        assertThat(rows.get(0).ratio()).isEqualTo(1.0);
        assertThat(rows.get(0).ratioError()).isZero();
        // 2.5 us over 10 us, relative errors 2 % and 10 % in quadrature
        assertThat(rows.get(2).ratio()).isCloseTo(0.25, within(1e-12));
        assertThat(rows.get(2).ratioError()).isCloseTo(0.25 * Math.hypot(0.02, 0.1), within(1e-12));
        // 200 us over the other shape's 100 us baseline, not shape a's
        assertThat(rows.get(3).ratio()).isCloseTo(2.0, within(1e-12));
        assertThat(rows.get(4).ratio()).isNaN();
    }

    @Test
    void throughputScoresAreTurnedIntoTimePerOperation() {
        assertThat(Ratios.secondsPerOp(4, "ops/s", "thrpt")).isEqualTo(0.25);
        assertThat(Ratios.secondsPerOp(2, "ops/ms", "thrpt")).isCloseTo(5e-4, within(1e-15));
        assertThat(Ratios.secondsPerOp(7, "ns/op", "avgt")).isCloseTo(7e-9, within(1e-20));
        assertThat(Ratios.secondsPerOp(3, "s/op", "ss")).isEqualTo(3);
        assertThatThrownBy(() -> Ratios.secondsPerOp(1, "ops/s", "avgt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ratios.secondsPerOp(1, "ps/op", "avgt")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsOneBlockPerClassAndParametersWithOpsPerSecond() throws Exception {
        List<Ratios.Result> results = Ratios.parse(new ObjectMapper().readTree("["
                + result("baselineScalar", "{\"shape\":\"a\"}", "avgt", 4, 0, "ns/op") + ","
                + result("baselineScalar", "{\"shape\":\"b\"}", "avgt", 4, 0, "ns/op") + ","
                + result("vector", "{\"shape\":\"a\"}", "avgt", 1, 0, "ns/op") + "]"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Ratios.print(results, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        // one block per parameter set, the baseline and its benchmark together although JMH ran them apart
        assertThat(text.lines().filter(l -> l.startsWith("GemmBench")))
                .containsExactly("GemmBench {shape=a}", "GemmBench {shape=b}");
        List<String> blockA = text.lines().dropWhile(l -> !l.equals("GemmBench {shape=a}"))
                .takeWhile(l -> !l.equals("GemmBench {shape=b}")).toList();
        assertThat(blockA).hasSize(4);
        assertThat(blockA.get(2)).contains("baselineScalar", "2.500e+08", "1 (baseline)");
        assertThat(blockA.get(3)).contains("vector", "1.000e+09", "0.250 ± 0", "4.00x");
    }
}
