package org.undervolt.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.undervolt.data.Split;
import org.undervolt.experiment.DatasetRef;
import org.undervolt.experiment.LocalSweepRunner;
import org.undervolt.experiment.SweepEvaluators;
import org.undervolt.experiment.SweepNetwork;
import org.undervolt.experiment.SweepSpec;
import org.undervolt.experiment.TrialOutcome;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.io.Json;
import org.undervolt.resilience.DataKind;
import org.undervolt.snn.SnnRuns;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Overhead of the Spark runner against the local runner, in one JVM on this machine: the same sweep
 * (the MNIST-sized MLP 784-256-128-10, or with {@code --network snn} a Diehl and Cook SNN of
 * {@code --snn-neurons} neurons, on synthetic 28×28 images, int8 weights in approximate DRAM,
 * uniform and bitline errors, 3 BERs × {@code --seeds} master seeds × {@code --trials} trials) run by
 * {@link LocalSweepRunner} on {@code cores} threads and by {@link SparkSweepRunner} on
 * {@code local[cores]}. Inner (per-batch) parallelism is switched off,
 * so both runners use exactly {@code cores} threads, one trial each. Cold runs (after a JIT warm-up)
 * rebuild the networks in every thread; warm runs reuse them and take the best of {@code reps}. Prints one JSON object; also checks the outcomes are equal.
 *
 * <pre>
 * ./mvnw -q -B -pl undervolt-spark -am package -DskipTests
 * undervolt-spark/run-local.sh org.undervolt.spark.SparkSweepBenchmark --cores 2 --trials 16 --test-images 200
 * undervolt-spark/run-local.sh org.undervolt.spark.SparkSweepBenchmark --network snn --snn-neurons 100 --seeds 2 \
 *     --trials 4 --test-images 20 --reps 2
 * </pre>
 */
@Command(name = "spark-sweep-benchmark", mixinStandardHelpOptions = true)
public final class SparkSweepBenchmark implements Callable<Integer> {
    @Option(names = "--cores", description = "threads / local[N] (default ${DEFAULT-VALUE})")
    int cores = 2;
    @Option(names = "--trials", description = "trials per point (default ${DEFAULT-VALUE})")
    int trials = 16;
    @Option(names = "--test-images", description = "test images per trial (default ${DEFAULT-VALUE})")
    int testImages = 200;
    @Option(names = "--partitions", description = "Spark partitions (default 4 per core)")
    int partitions;
    @Option(names = "--reps", description = "warm repetitions, best taken (default ${DEFAULT-VALUE})")
    int reps = 5;
    @Option(names = "--seeds", description = "master seeds 1..K (default ${DEFAULT-VALUE})")
    int seeds = 1;
    @Option(names = "--network", description = "mlp or snn (default ${DEFAULT-VALUE})")
    String network = "mlp";
    @Option(names = "--snn-neurons", description = "excitatory neurons of the SNN (default ${DEFAULT-VALUE})")
    int snnNeurons = 100;
    @Option(names = "--write-spec", paramLabel = "DIR",
            description = "write the sweep as a spec file and network files into DIR for cluster.sh submit, and stop")
    Path writeSpec;

    @Override
    public Integer call() throws IOException {
        Parallel.setThreads(1);
        SweepSpec spec = spec();
        if (writeSpec != null) {
            System.out.println(write(spec, writeSpec));
            return 0;
        }
        int tasks = spec.taskCount();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workload", (network.equals("snn") ? "snn N" + snnNeurons : "mlp 784-256-128-10") + ", int8 weights, "
                + testImages + " test images/trial, " + spec.errorModels() + " x " + spec.bers().length + " BERs x "
                + seeds + " seeds x " + trials + " trials = " + tasks + " tasks");
        out.put("cores", cores);

        LocalSweepRunner one = new LocalSweepRunner(1);
        LocalSweepRunner many = new LocalSweepRunner(cores);
        many.run(spec); // JIT warm-up, so that "cold" below measures the network rebuilds, not compilation
        SweepEvaluators.clear();
        double localCold = seconds(() -> many.run(spec));
        List<TrialOutcome> localResult = many.run(spec);
        double local1 = best(() -> one.run(spec));
        double localN = best(() -> many.run(spec));

        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("undervolt-benchmark")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        double contextStart = (System.nanoTime() - t0) / 1e9;
        spark.sparkContext().setLogLevel("WARN");
        try {
            SparkSweepRunner runner = new SparkSweepRunner(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                    partitions > 0 ? partitions : 4 * cores);
            SweepEvaluators.clear();
            double sparkCold = seconds(() -> runner.run(spec));
            List<TrialOutcome> sparkResult = runner.run(spec);
            double sparkN = best(() -> runner.run(spec));

            out.put("identical_outcomes", sparkResult.equals(localResult));
            out.put("spark_context_start_s", round(contextStart));
            out.put("local_1_thread_s", round(local1));
            out.put("local_cold_s", round(localCold));
            out.put("local_warm_s", round(localN));
            out.put("spark_cold_s", round(sparkCold));
            out.put("spark_warm_s", round(sparkN));
            out.put("spark_over_local_warm", round(sparkN / localN));
            out.put("spark_over_local_cold", round(sparkCold / localCold));
            out.put("local_trials_per_s_per_core", round(tasks / localN / cores));
            out.put("spark_trials_per_s_per_core", round(tasks / sparkN / cores));
            out.put("local_thread_scaling", round(local1 / localN));
        } finally {
            spark.stop();
        }
        System.out.println(Json.write(out));
        return 0;
    }

    /** The spec as {@code SweepSpecReader} reads it, with its network beside it; returns the spec file. */
    private Path write(SweepSpec spec, Path dir) throws IOException {
        Files.createDirectories(dir);
        SweepNetwork net = spec.networks().get(0);
        String file = net.name() + (network.equals("snn") ? ".uvsnn" : ".uvnn");
        Files.write(dir.resolve(file), net.checkpoint());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("networks", List.of(Map.of("name", net.name(), "checkpoint", file)));
        m.put("dataset", spec.dataset().spec());
        m.put("test_images", spec.testImages());
        m.put("profile_images", spec.profileImages());
        m.put("error_models", spec.errorModels());
        m.put("bers", spec.bers());
        m.put("trials", spec.trials());
        m.put("seeds", spec.seeds());
        m.put("data", List.of("weights"));
        m.put("weight_format", spec.weightFormat());
        m.put("ifm_format", spec.ifmFormat());
        Path f = dir.resolve("spec.json");
        Files.writeString(f, Json.write(m));
        return f;
    }

    private SweepSpec spec() throws IOException {
        DatasetRef data = new DatasetRef("synthetic:" + Math.max(testImages, 500) + ":28x28:10:1");
        SweepNetwork net;
        if (network.equals("snn")) {
            // Throughput only: a short training pass (20 images) gives a labelled model of the right size.
            Path dir = Files.createTempDirectory("bench-snn");
            Path file = dir.resolve("snn.uvsnn");
            SnnRuns.train(snnNeurons, 20, 1, data.load(Split.TRAIN), data.load(Split.TEST), 20, 1, file, null, 0, 1, null);
            net = new SweepNetwork("snn", Files.readAllBytes(file));
            Files.delete(file);
            Files.delete(dir);
        } else if (network.equals("mlp")) {
            Sequential m = Mlp.create(Mlp.mnistSizes(), 1);
            new Trainer(TrainConfig.defaults(1, 1)).train(m, data.load(Split.TRAIN), (e, l, s) -> { });
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Checkpoint.write(m, Map.of(), bytes);
            net = new SweepNetwork("mlp", bytes.toByteArray());
        } else {
            throw new IllegalArgumentException("--network: expected mlp or snn, got " + network);
        }
        long[] masters = LongStream.rangeClosed(1, seeds).toArray();
        return new SweepSpec(List.of(net), data, testImages, 100, List.of("uniform", "bitline:0.5"),
                new double[] {1e-4, 1e-3, 1e-2}, trials, 1, Set.of(DataKind.WEIGHTS), "int8", "int8", false, 0, "bers",
                masters);
    }

    private double best(Supplier<?> work) {
        double b = Double.MAX_VALUE;
        for (int i = 0; i < reps; i++) {
            b = Math.min(b, seconds(work));
        }
        return b;
    }

    private static double seconds(Supplier<?> work) {
        long t = System.nanoTime();
        work.get();
        return (System.nanoTime() - t) / 1e9;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkSweepBenchmark()).execute(args));
    }
}
