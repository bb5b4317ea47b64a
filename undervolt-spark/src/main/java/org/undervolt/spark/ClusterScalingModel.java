package org.undervolt.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.undervolt.io.Json;

/**
 * A cost model of a sweep on a Spark cluster, calibrated on measured runs ({@code cluster.sh submit --json},
 * whose {@code timings} say where the time went), and its prediction for larger clusters (docs/SPARK.md).
 * A sweep of {@code n} trials in {@code j} chunks of {@code 4p}-partition jobs on {@code p} executor cores takes
 * <pre>
 *   T(p) = n·trial/p  +  j·job + j·4p·launch  +  n·record  +  j·broadcast(p)
 *          executors     driver: per job and per task   SQLite   spec to every executor
 * </pre>
 * <ul>
 *   <li>{@code trial}: executor core-seconds per trial, from Spark's task metrics (mean over the runs);</li>
 *   <li>{@code record}: driver seconds per trial recorded in the SQLite store (the store is one file on one
 *       machine, so this term never shrinks with {@code p});</li>
 *   <li>{@code job}, {@code launch}: the driver's time per Spark job and per task, fitted to each run's
 *       Spark wall time minus its executor time over its cores (least squares over the runs, clamped at 0);</li>
 *   <li>{@code broadcast(p)}: the spec (checkpoint bytes included) to {@code p/coresPerExecutor} executors at
 *       {@code bandwidth} bytes/s from the driver: an upper bound, since Spark's torrent broadcast lets executors
 *       fetch pieces from each other. Assumed, not measured: one machine has no network.</li>
 * </ul>
 * Efficiency is {@code n·trial/p / T(p)}; the cluster stops paying where it falls below one half.
 */
public final class ClusterScalingModel {

    /** One measured run: a {@code cluster.sh submit --json} output. */
    public record Run(int cores, int trials, int chunks, long tasks, double sparkSeconds, double storeSeconds,
            double executorSeconds, long specBytes, double contextSeconds) {
        static Run of(JsonNode o) {
            JsonNode t = o.get("timings");
            return new Run(t.get("default_parallelism").asInt(), o.get("evaluated").asInt(), t.get("chunks").asInt(),
                    t.get("spark_tasks").asLong(), t.get("spark_s").asDouble(), t.get("store_s").asDouble(),
                    t.get("executor_task_s").asDouble(), t.get("spec_bytes").asLong(), t.get("context_s").asDouble());
        }

        Run withCores(int c) {
            return new Run(c, trials, chunks, tasks, sparkSeconds, storeSeconds, executorSeconds, specBytes, contextSeconds);
        }

        /** The driver's share of the Spark wall time: what the executors' work spread over the cores does not explain. */
        double driverSeconds() {
            return Math.max(0, sparkSeconds - executorSeconds / cores);
        }
    }

    /** The calibrated constants (seconds; bytes). */
    public record Fit(double trial, double record, double job, double launch, long specBytes) {
    }

    /** One predicted cluster size: seconds per term, and the efficiency. */
    public record Point(int cores, double compute, double driver, double store, double broadcast, double total,
            double efficiency, String limit) {
    }

    private ClusterScalingModel() {
    }

    public static Fit fit(List<Run> runs) {
        double trial = 0;
        double record = 0;
        for (Run r : runs) {
            trial += r.executorSeconds() / r.trials() / runs.size();
            record += r.storeSeconds() / r.trials() / runs.size();
        }
        // driverSeconds = chunks·job + tasks·launch, least squares in (job, launch)
        double aa = 0;
        double ab = 0;
        double bb = 0;
        double ay = 0;
        double by = 0;
        for (Run r : runs) {
            double a = r.chunks();
            double b = r.tasks();
            double y = r.driverSeconds();
            aa += a * a;
            ab += a * b;
            bb += b * b;
            ay += a * y;
            by += b * y;
        }
        double det = aa * bb - ab * ab;
        double job;
        double launch;
        if (Math.abs(det) > 1e-12 * aa * bb) {
            job = (ay * bb - by * ab) / det;
            launch = (aa * by - ab * ay) / det;
        } else {
            job = ay / aa;
            launch = 0;
        }
        if (launch < 0) { // noise: all of it per job
            launch = 0;
            job = ay / aa;
        }
        if (job < 0) {
            job = 0;
            launch = by / bb;
        }
        return new Fit(trial, record, job, launch, runs.get(0).specBytes());
    }

    /**
     * @param trials          trials of the sweep
     * @param chunk           trials per Spark job ({@code --chunk})
     * @param coresPerExecutor executor cores ({@code --executor-cores})
     * @param bandwidth       driver's network, bytes/s
     */
    public static Point predict(Fit f, int cores, long trials, int chunk, int coresPerExecutor, double bandwidth) {
        long jobs = (trials + chunk - 1) / chunk;
        double compute = trials * f.trial() / cores;
        double driver = jobs * f.job() + jobs * 4.0 * cores * f.launch();
        double store = trials * f.record();
        double broadcast = jobs * (double) f.specBytes() * Math.ceil((double) cores / coresPerExecutor) / bandwidth;
        double total = compute + driver + store + broadcast;
        String limit = driver >= store && driver >= broadcast ? "driver" : store >= broadcast ? "sqlite" : "broadcast";
        return new Point(cores, compute, driver, store, broadcast, total, compute / total, limit);
    }

    /**
     * {@code ClusterScalingModel RUN.json:CORES... [--trials N] [--chunk C] [--executor-cores E] [--bandwidth B]}:
     * prints the fit and the prediction for 8 to 256 executor cores as one JSON object.
     */
    public static void main(String[] args) throws IOException {
        List<Run> runs = new ArrayList<>();
        List<JsonNode> points = new ArrayList<>();
        long trials = 100_000;
        int chunk = SparkSweepJob.DEFAULT_CHUNK;
        int perExecutor = 4;
        double bandwidth = 1.25e8;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--trials" -> trials = Long.parseLong(args[++i]);
                case "--chunk" -> chunk = Integer.parseInt(args[++i]);
                case "--executor-cores" -> perExecutor = Integer.parseInt(args[++i]);
                case "--bandwidth" -> bandwidth = Double.parseDouble(args[++i]);
                default -> { // FILE:CORES, the run's executor cores (Spark's default parallelism is at least 2)
                    int colon = args[i].lastIndexOf(':');
                    JsonNode o = Json.mapper().readTree(Files.readString(Path.of(args[i].substring(0, colon))));
                    points.add(o.get("points"));
                    runs.add(Run.of(o).withCores(Integer.parseInt(args[i].substring(colon + 1))));
                }
            }
        }
        Fit f = fit(runs);
        List<Point> predicted = new ArrayList<>();
        for (int p = 8; p <= 256; p *= 2) {
            predicted.add(predict(f, p, trials, chunk, perExecutor, bandwidth));
        }
        boolean same = points.stream().distinct().count() == 1;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("same_points", same); // every run gave the same per-point results
        out.put("runs", runs);
        out.put("fit", f);
        out.put("workload", Map.of("trials", trials, "chunk", chunk, "executor_cores", perExecutor,
                "bandwidth_bytes_per_s", bandwidth));
        out.put("prediction", predicted);
        System.out.println(Json.write(out));
        if (!same) {
            System.err.println("ClusterScalingModel: the runs' points differ");
            System.exit(1);
        }
    }
}
