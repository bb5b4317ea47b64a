package org.undervolt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.experiment.LocalSweepRunner;
import org.undervolt.experiment.SweepEvaluators;
import org.undervolt.experiment.SweepResults;
import org.undervolt.experiment.SweepSpec;
import org.undervolt.experiment.SweepTask;
import org.undervolt.experiment.TrialOutcome;
import org.undervolt.resilience.TrialEvaluator;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunStatus;
import org.undervolt.store.TrialKey;

/**
 * The Spark runner on {@code local[2]} against the local runner: every trial's accuracy equal, bit
 * for bit, whatever the partitioning and task order, for an MLP sweep and for a sweep of an MLP and
 * an SNN over two master seeds, non-finite counts included; Parquet output merged into the results store.
 * One Spark context for the class (~10 s to start here) and one SQL write/read (~20 s of codegen).
 */
class SparkSweepTest {
    static SparkSession spark;
    static JavaSparkContext sc;
    static SweepSpec spec;
    static List<TrialOutcome> local;
    static SweepSpec mixed;
    static List<TrialOutcome> mixedLocal;

    @BeforeAll
    static void start() {
        spec = TinySweep.spec();
        local = new LocalSweepRunner(1).run(spec);
        mixed = TinySweep.mixed();
        mixedLocal = new LocalSweepRunner(1).run(mixed);
        spark = SparkSession.builder().master("local[2]").appName("undervolt-test")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void localSweepIsARealCurve() {
        // The identity below compares real measurements: a clean net near-perfect, BER 0.2 wrecking it.
        assertThat(local).hasSize(18);
        assertThat(local.stream().filter(o -> o.ber() == 0).mapToDouble(TrialOutcome::accuracy).min().orElseThrow())
                .isGreaterThan(0.9);
        assertThat(local.stream().filter(o -> o.ber() == 0.2).mapToDouble(TrialOutcome::accuracy).max().orElseThrow())
                .isLessThan(0.7);
    }

    @Test
    void everyTrialEqualsTheLocalRunnerWhateverThePartitioning() {
        SweepEvaluators.clear(); // executors rebuild the networks from the shipped bytes
        assertSameBits(new SparkSweepRunner(sc, 0).run(spec), local);

        List<SweepTask> shuffled = new ArrayList<>(spec.tasks());
        Collections.shuffle(shuffled, new Random(42));
        SparkSweepRunner seven = new SparkSweepRunner(sc, 7);
        assertSameBits(SparkSweepRunner.collect(seven.outcomes(spec, shuffled)), local);

        List<SweepTask> reversed = new ArrayList<>(spec.tasks());
        Collections.reverse(reversed);
        assertSameBits(SparkSweepRunner.collect(new SparkSweepRunner(sc, 18).outcomes(spec, reversed)), local);
    }

    @Test
    void seedsAndSpikingNetworksAreIdenticalForOneThreeAndSevenPartitionsInAnyOrder() {
        // Real measurements first: both networks clean near-perfect, BER 5e-2 in FP32 weights ruins both.
        assertThat(mixedLocal).hasSize(48);
        for (String net : List.of("mlp", "snn")) {
            assertThat(mixedLocal.stream().filter(o -> o.network().equals(net) && o.ber() == 0)
                    .mapToDouble(TrialOutcome::accuracy).min().orElseThrow()).as(net).isGreaterThan(0.9);
            assertThat(mixedLocal.stream().filter(o -> o.network().equals(net) && o.ber() == 5e-2)
                    .mapToDouble(TrialOutcome::accuracy).average().orElseThrow()).as(net).isLessThan(0.7);
        }
        assertThat(mixedLocal.stream().map(TrialOutcome::seed).distinct()).containsExactly(11L, 12L);
        // Issue 11: FP32 exponent flips at 5e-2 make NaNs and infinities in both networks, counted per trial
        // (the comparison below includes the counts).
        for (String net : List.of("mlp", "snn")) {
            assertThat(mixedLocal.stream().filter(o -> o.network().equals(net) && o.ber() == 5e-2)
                    .mapToInt(TrialOutcome::nonfinite).sum()).as(net).isPositive();
            assertThat(mixedLocal.stream().filter(o -> o.network().equals(net) && o.ber() == 0))
                    .allMatch(o -> o.nonfinite() == 0);
        }
        SweepEvaluators.clear();
        for (int partitions : new int[] {1, 3, 7}) {
            List<SweepTask> shuffled = new ArrayList<>(mixed.tasks());
            Collections.shuffle(shuffled, new Random(partitions));
            assertSameBits(SparkSweepRunner.collect(new SparkSweepRunner(sc, partitions).outcomes(mixed, shuffled)),
                    mixedLocal);
        }
    }

    @Test
    void seededSnnSweepGoesThroughParquetIntoTheStore(@TempDir Path dir) {
        try (ResultsStore store = ResultsStore.open(dir.resolve("runs.db"))) {
            SparkSweepJob.Summary sum = SparkSweepJob.run(spark, mixed, dir.resolve("out").toUri().toString(), store, 3);
            assertThat(sum.evaluated()).isEqualTo(48);
            assertThat(sum.resumed()).isFalse();
            assertThat(sum.merged()).isEqualTo(48);
            assertThat(sum.finished()).isTrue();
            for (TrialOutcome o : mixedLocal) {
                assertThat(o.pointKey()).endsWith(";seed=" + o.seed());
                assertThat(store.trials().accuracy(sum.runId(), new TrialKey(o.pointKey(), o.trial())).getAsDouble())
                        .isEqualTo(o.accuracy());
            }
            // The merged rows hold the local runner's non-finite counts, as a local sweep stores them.
            Map<TrialKey, Integer> counts = new HashMap<>();
            store.trials().forEach(sum.runId(), row -> counts.put(row.key(), SweepResults.nonfinite(row).orElseThrow()));
            for (TrialOutcome o : mixedLocal) {
                assertThat(counts.get(new TrialKey(o.pointKey(), o.trial()))).as("%s", o).isEqualTo(o.nonfinite());
            }
            assertThat(SweepResults.means(store, sum.runId(), mixed).stream().mapToLong(SweepResults.PointMean::nonfinite)
                    .sum()).isEqualTo(mixedLocal.stream().mapToLong(TrialOutcome::nonfinite).sum()).isPositive();
            List<TrialOutcome> back = new ArrayList<>();
            TrialParquet.read(spark, sum.parquet()).forEachRemaining(back::add);
            back.sort(java.util.Comparator.comparingInt(TrialOutcome::index));
            assertSameBits(back, mixedLocal);
        }
    }

    @Test
    void jobWritesParquetAndMergesItIntoTheStore(@TempDir Path dir) {
        Path db = dir.resolve("runs.db");
        String out = dir.resolve("out").toUri().toString();
        try (ResultsStore store = ResultsStore.open(db)) {
            // A partial earlier run of the same spec: its two trials are skipped, the rest evaluated.
            long run = org.undervolt.experiment.SweepResults.createRun(store, spec);
            org.undervolt.experiment.SweepResults.record(store, run, local.subList(0, 2));

            SparkSweepJob.Summary sum = SparkSweepJob.run(spark, spec, out, store, 3);
            assertThat(sum.runId()).isEqualTo(run);
            assertThat(sum.skipped()).isEqualTo(2);
            assertThat(sum.resumed()).isTrue();
            assertThat(sum.evaluated()).isEqualTo(16);
            assertThat(sum.merged()).isEqualTo(16);
            assertThat(sum.finished()).isTrue();
            assertThat(store.run(run).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
            for (TrialOutcome o : local) {
                assertThat(store.trials().accuracy(run, new TrialKey(o.pointKey(), o.trial())).getAsDouble())
                        .isEqualTo(o.accuracy());
            }
            assertThat(Files.exists(dir.resolve("out/trials.parquet/_SUCCESS"))).isTrue();

            List<TrialOutcome> back = new ArrayList<>();
            for (Iterator<TrialOutcome> it = TrialParquet.read(spark, sum.parquet()); it.hasNext();) {
                back.add(it.next());
            }
            back.sort(java.util.Comparator.comparingInt(TrialOutcome::index));
            assertSameBits(back, local.subList(2, 18));
            assertThat(SparkSweepJob.merge(spark, sum.parquet(), store, run)).isZero(); // idempotent
        }
    }

    @Test
    void parquetWithoutTheNonfiniteColumnReadsAsNotCounted(@TempDir Path dir) {
        // A data set written before the column existed: the first eight columns only.
        StructType old = new StructType(java.util.Arrays.copyOf(TrialParquet.SCHEMA.fields(), 8));
        TrialOutcome o = local.get(4);
        String path = dir.resolve("old.parquet").toUri().toString();
        spark.createDataFrame(List.of(RowFactory.create(o.index(), o.network(), o.errorModel(), o.ber(), o.trial(),
                o.pointKey(), o.accuracy(), o.seed())), old).write().parquet(path);
        List<TrialOutcome> back = new ArrayList<>();
        TrialParquet.read(spark, path).forEachRemaining(back::add);
        assertThat(back).containsExactly(new TrialOutcome(o.index(), o.network(), o.errorModel(), o.ber(), o.seed(),
                o.trial(), o.accuracy(), o.pointKey(), TrialEvaluator.Outcome.NOT_COUNTED));
    }

    @Test
    void badSpecIsExitCodeTwoBeforeSparkWork(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"networks\":[{\"name\":\"mlp\",\"checkpoint\":\"missing.uvnn\"}]}");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = SparkSweepMain.execute(f.toString(), "--out", dir.resolve("o").toString(), "--store",
                    dir.resolve("r.db").toString());
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8).strip()).contains("missing.uvnn").doesNotContain("\n");
        assertThat(Files.exists(dir.resolve("r.db"))).isFalse();
    }

    private static void assertSameBits(List<TrialOutcome> got, List<TrialOutcome> want) {
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < want.size(); i++) {
            assertThat(Double.doubleToRawLongBits(got.get(i).accuracy()))
                    .as("trial %s", want.get(i)).isEqualTo(Double.doubleToRawLongBits(want.get(i).accuracy()));
            assertThat(got.get(i)).isEqualTo(want.get(i));
        }
    }
}
