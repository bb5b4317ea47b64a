package org.undervolt.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a JMH JSON result file ({@code -rf json}) and prints each benchmark as a ratio to its baseline: the
 * method of the same class whose name starts with {@code baseline}, measured in the same run with the same
 * parameters. {@code time/base} is the benchmark's time per operation over the baseline's (below 1: faster
 * than the baseline); {@code speed-up} is its inverse. The ratio's ± is the two scores' relative JMH errors
 * (99.9 % intervals) added in quadrature, an approximation. Usage: {@code Ratios results.json}.
 */
public final class Ratios {

    /** One JMH result: class, method, parameters, and the score as seconds per operation. */
    record Result(String benchClass, String method, Map<String, String> params, double secondsPerOp,
                  double relativeError, String score) {

        boolean isBaseline() {
            return method.startsWith("baseline");
        }
    }

    /** One printed line: a result and its ratio to the baseline (NaN when it has none). */
    record Row(Result result, double ratio, double ratioError) {
    }

    private Ratios() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Ratios JMH_RESULT.json");
            System.exit(2);
        }
        print(parse(new ObjectMapper().readTree(Files.readString(Path.of(args[0])))), System.out);
    }

    static List<Result> parse(JsonNode root) {
        List<Result> out = new ArrayList<>();
        for (JsonNode r : root) {
            String full = r.get("benchmark").asText();
            int dot = full.lastIndexOf('.');
            String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            Map<String, String> params = new TreeMap<>();
            JsonNode p = r.get("params");
            if (p != null) {
                for (Map.Entry<String, JsonNode> e : p.properties()) {
                    params.put(e.getKey(), e.getValue().asText());
                }
            }
            JsonNode m = r.get("primaryMetric");
            double score = m.get("score").asDouble();
            double error = m.path("scoreError").asDouble(Double.NaN);
            String unit = m.get("scoreUnit").asText();
            out.add(new Result(cls, full.substring(dot + 1), params,
                    secondsPerOp(score, unit, r.get("mode").asText()), error / score,
                    String.format(Locale.ROOT, "%.4g %s", score, unit)));
        }
        return out;
    }

    /** Seconds per operation from a score in {@code ns/op}, {@code us/op}, ... or {@code ops/s}, {@code ops/ms}, .... */
    static double secondsPerOp(double score, String unit, String mode) {
        String[] parts = unit.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("unit " + unit + ": expected time/op or ops/time");
        }
        boolean perOp = parts[1].equals("op");
        double seconds = seconds(perOp ? parts[0] : parts[1]);
        if (perOp && (mode.equals("avgt") || mode.equals("sample") || mode.equals("ss"))) {
            return score * seconds;
        }
        if (!perOp && mode.equals("thrpt")) {
            return seconds / score;
        }
        throw new IllegalArgumentException("mode " + mode + " with unit " + unit + " is not supported");
    }

    private static double seconds(String unit) {
        return switch (unit) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("time unit " + unit);
        };
    }

    /** Each result with its ratio to the baseline of its class and parameters, in input order. */
    static List<Row> rows(List<Result> results) {
        Map<String, Result> baselines = new LinkedHashMap<>();
        for (Result r : results) {
            if (r.isBaseline()) {
                baselines.put(r.benchClass() + r.params(), r);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Result r : results) {
            Result b = baselines.get(r.benchClass() + r.params());
            if (b == null) {
                rows.add(new Row(r, Double.NaN, Double.NaN));
            } else {
                double ratio = r.secondsPerOp() / b.secondsPerOp();
                double err = r == b ? 0 : ratio * Math.hypot(r.relativeError(), b.relativeError());
                rows.add(new Row(r, ratio, err));
            }
        }
        return rows;
    }

    /**
     * Prints one block per class and parameter set (in order of first appearance), the baseline first, as JMH
     * runs every baseline of a class before its other methods.
     */
    static void print(List<Result> results, PrintStream out) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows(results)) {
            Result r = row.result();
            String g = r.benchClass() + (r.params().isEmpty() ? "" : " " + r.params());
            groups.computeIfAbsent(g, x -> new ArrayList<>()).add(row);
        }
        groups.forEach((g, rows) -> {
            out.println(g);
            out.printf(Locale.ROOT, "  %-20s %18s %14s %18s %10s%n", "benchmark", "score", "op/s", "time/base", "speed-up");
            rows.stream().filter(row -> row.result().isBaseline()).forEach(row -> printRow(row, out));
            rows.stream().filter(row -> !row.result().isBaseline()).forEach(row -> printRow(row, out));
        });
    }

    private static void printRow(Row row, PrintStream out) {
        Result r = row.result();
        String ratio = r.isBaseline() ? "1 (baseline)"
                : Double.isNaN(row.ratio()) ? "(no baseline)"
                : Double.isNaN(row.ratioError()) ? String.format(Locale.ROOT, "%.3g", row.ratio())
                : String.format(Locale.ROOT, "%.3g ± %.2g", row.ratio(), row.ratioError());
        String speedup = r.isBaseline() || Double.isNaN(row.ratio()) ? ""
                : String.format(Locale.ROOT, "%.3gx", 1 / row.ratio());
        out.printf(Locale.ROOT, "  %-20s %18s %14.4g %18s %10s%n", r.method(), r.score(), 1 / r.secondsPerOp(),
                ratio, speedup);
    }
}
