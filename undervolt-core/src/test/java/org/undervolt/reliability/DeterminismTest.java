package org.undervolt.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.data.DataSource;
import org.undervolt.data.IdxWriter;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.experiment.DemoConfig;
import org.undervolt.experiment.DemoPipeline;
import org.undervolt.experiment.DemoResult;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.Flatten;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.MaxPool2d;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.resilience.BerSweep;
import org.undervolt.resilience.CurvePoint;
import org.undervolt.resilience.SnnErrorRuns;
import org.undervolt.resilience.StoredWeights;
import org.undervolt.resilience.StoredWeightsEvaluator;
import org.undervolt.snn.SnnModel;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.Formats;
import org.undervolt.storage.SequentialPlacement;

/**
 * Same seed, same results: bit for bit, with 1, 2 and 3 worker threads and on a repeated run
 * (issue 11). Thread counts are set in-process with {@link Parallel#setThreads} (the nn kernels,
 * evaluator and trainer) and the {@code threads} argument of the SNN evaluation.
 */
class DeterminismTest {
    private static final int[] THREADS = {1, 2, 3};
    private static final ImageDataset BLOBS = SyntheticDatasets.separableBlobs(160, 8, 8, 4, 21);
    private final int defaultThreads = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(defaultThreads);
    }

    /** {@code run} once per thread count and once more with 3 threads; all results equal. */
    private <T> List<T> acrossThreads(Supplier<T> run) {
        List<T> out = new ArrayList<>();
        for (int t : THREADS) {
            Parallel.setThreads(t);
            out.add(run.get());
        }
        out.add(run.get());
        return out;
    }

    private static Sequential convNet(long seed) {
        Sequential m = new Sequential(new int[] {1, 8, 8}, List.of(new Conv2d("conv", 1, 4, 3, 1, 1), new Relu("r1"),
                new MaxPool2d("pool", 2, 2), new Flatten("flat"), new Dense("fc", 64, 4)));
        m.initialize(seed);
        return m;
    }

    /** Every parameter value as raw bits, in order. */
    private static List<Integer> bits(Sequential m) {
        List<Integer> out = new ArrayList<>();
        for (Parameter p : m.parameters()) {
            for (float v : p.data()) {
                out.add(Float.floatToRawIntBits(v));
            }
        }
        return out;
    }

    @Test
    void trainingAndEvaluationAreBitIdenticalForAnyThreadCount() {
        // Batches of 40 split over workers by the GEMM and the convolution's per-task partial sums.
        List<List<Integer>> trained = acrossThreads(() -> {
            Sequential m = convNet(3);
            new Trainer(new TrainConfig(2, 40, 0.05f, 0.9f, 1e-4f, 3)).train(m, BLOBS, (e, l, s) -> { });
            return bits(m);
        });
        assertThat(trained).allSatisfy(b -> assertThat(b).isEqualTo(trained.get(0)));

        Sequential m = convNet(3);
        new Trainer(new TrainConfig(2, 40, 0.05f, 0.9f, 1e-4f, 3)).train(m, BLOBS, (e, l, s) -> { });
        List<int[]> predictions = acrossThreads(() -> Evaluator.predict(m, BLOBS, LayerHooks.NONE, 16));
        assertThat(predictions).allSatisfy(p -> assertThat(p).isEqualTo(predictions.get(0)));
    }

    @Test
    void berSweepIsIdenticalForAnyThreadCount() {
        Sequential m = convNet(5);
        new Trainer(new TrainConfig(1, 40, 0.05f, 0.9f, 0f, 5)).train(m, BLOBS, (e, l, s) -> { });
        StoredWeights stored = StoredWeights.of(m, Formats.byName("fp16"), new SequentialPlacement(DramGeometry.lpddr3x32()));
        List<List<CurvePoint>> curves = acrossThreads(() -> new BerSweep(9, 4).run(new double[] {1e-3, 1e-2},
                new StoredWeightsEvaluator(m, stored, BLOBS, UniformErrorModel::new), (i, n, p) -> { }));
        assertThat(curves).allSatisfy(c -> assertThat(c).isEqualTo(curves.get(0)));
        assertThat(curves.get(0).get(1).stddev()).as("the trials differ from each other").isPositive();
    }

    @Test
    void snnEvaluationWithErrorsIsIdenticalForAnyThreadCount() {
        SnnModel model = SnnModel.initial(4, 2);
        model.setLabels(new int[] {0, 1, 2, 3});
        ImageDataset digits = SyntheticDatasets.separableBlobs(40, 28, 28, 4, 8);
        List<List<Double>> runs = new ArrayList<>();
        for (int t : new int[] {1, 2, 3, 3}) {
            runs.add(SnnErrorRuns.evaluateWithErrors(model, digits, 40, Formats.byName("int8"), 0.05, 2, 11, t).accuracies());
        }
        assertThat(runs).allSatisfy(r -> assertThat(r).isEqualTo(runs.get(0)));
    }

    @Test
    void demoPipelineOnATinySetIsIdenticalForAnyThreadCount(@TempDir Path dir) throws IOException {
        IdxWriter.write(SyntheticDatasets.separableBlobs(300, 8, 8, 10, 1), dir.resolve("train-images-idx3-ubyte"),
                dir.resolve("train-labels-idx1-ubyte"), false);
        IdxWriter.write(SyntheticDatasets.separableBlobs(100, 8, 8, 10, 2), dir.resolve("t10k-images-idx3-ubyte"),
                dir.resolve("t10k-labels-idx1-ubyte"), false);
        DemoConfig config = new DemoConfig(DataSource.of("mnist", dir), new int[] {16}, 2, 7, 3, 1e-4, 1e-1, 1, 0.01,
                "int8", "LPDDR3-1600_4Gb_x32", "quadratic", null, 0, false, dir.resolve("cache"));
        List<List<Object>> results = acrossThreads(() -> {
            DemoResult r = new DemoPipeline(config, s -> { }).run();
            return List.of(r.fp32Accuracy(), r.baselineAccuracy(), r.curve(), r.tolerableBer(), r.vddChosen(),
                    r.energyChosenJ(), r.energyNominalJ());
        });
        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
    }
}
