package org.undervolt.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.onnx.OnnxImport;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.ImageShape;
import org.undervolt.nn.zoo.ZooModel;
import org.undervolt.random.Seeds;
import org.undervolt.resilience.CurricularRetrainer;
import org.undervolt.resilience.CurriculumSchedule;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.DnnModels;
import org.undervolt.resilience.NetworkEvaluator;
import org.undervolt.resilience.NetworkFaults;
import org.undervolt.resilience.Site;
import org.undervolt.resilience.StorageSetup;
import org.undervolt.resilience.ValueBounds;
import org.undervolt.snn.SnnEvaluator;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnTrainer;

/**
 * Measures, in a few seconds on this machine, what one unit of each kind of pipeline work costs (a
 * {@link WorkModel} turns the costs into a run time). Each cost is timed on a growing slice of the
 * run's own network and data, doubling until one measurement takes {@code minSeconds} (so the JIT has
 * warmed up and the clock's resolution does not matter); the last, largest measurement is kept.
 * Nothing measured here is kept or reused by the run: it is timing only.
 */
public final class Calibration {
    /**
     * Seconds per DNN training image; per retraining image and per inference with errors, each at the
     * lowest and the highest BER the run uses (the cost of injecting grows with the flips, so with the
     * BER: in between it is interpolated linearly); the fixed seconds of one evaluation with errors, whatever its
     * image count (reading every stored weight through the DRAM image with a fresh draw of errors), at the same two
     * BERs; the fine-search targets.
     */
    public record Eden(double trainImage, Linear retrainImage, Linear faultyImage, Linear faultyTrial, int sites,
            double seconds) {
        /** Without a fixed cost per evaluation. */
        public Eden(double trainImage, Linear retrainImage, Linear faultyImage, int sites, double seconds) {
            this(trainImage, retrainImage, faultyImage, Linear.constant(0), sites, seconds);
        }

        /** Seconds of one evaluation of {@code images} images at {@code ber}. */
        public double evaluation(int images, double ber) {
            return faultyTrial.at(ber) + images * faultyImage.at(ber);
        }
    }

    /** Seconds of {@code work(n)} as a fixed part plus {@code n} times a part per unit. */
    record Affine(double fixed, double perUnit) {
        double at(int n) {
            return fixed + n * perUnit;
        }
    }

    /** A cost linear in the BER, through two measured points. */
    public record Linear(double ber0, double cost0, double ber1, double cost1) {
        public static Linear constant(double cost) {
            return new Linear(0, cost, 1, cost);
        }

        public double at(double ber) {
            return ber1 == ber0 ? cost0 : Math.max(0, cost0 + (cost1 - cost0) * (ber - ber0) / (ber1 - ber0));
        }
    }

    /** Seconds per STDP presentation and per SNN inference. */
    public record Sparkxd(double stdpImage, double inferImage, double seconds) {
    }

    private final double minSeconds;

    /** @param minSeconds least duration of the measurement a cost is taken from */
    public Calibration(double minSeconds) {
        this.minSeconds = minSeconds;
    }

    /** Costs of an eden run of {@code c} on {@code train} (images of {@code shape}). */
    public Eden eden(PipelineConfig c, ImageDataset train, ImageDataset test, ImageShape shape) {
        long t0 = System.nanoTime();
        long seed = c.integer("seed", 0L, Long.MAX_VALUE);
        Sequential model = model(c, shape, train.numClasses(), seed);
        StorageSetup setup = ToleranceStage.setup(c).build(model);
        List<Integer> ifmLayers = setup.sites().stream().filter(s -> s.kind() == DataKind.IFMS).map(Site::layer).toList();
        ValueBounds bounds = ifmLayers.isEmpty() ? null : ValueBounds.profile(model, train, Math.min(64, train.size()),
                ifmLayers);
        NetworkFaults faults = new NetworkFaults(model, setup, bounds);
        double berLo = Math.min(c.number("tolerance_ber_min", 1e-12, 1), c.number("ber_start", 1e-12, 1));
        double berHi = Math.max(c.number("tolerance_ber_max", 1e-12, 1), c.number("ber_max", 1e-12, 1));
        // one evaluation reads every weight through the DRAM image with fresh errors, then infers its images: timed
        // at two image counts, so that the fixed part is not charged per image (a trial of the run has 10,000)
        // at the lower BER twice, first and last, keeping the cheaper: on a busy machine the JIT compiler gets little
        // time, and the first measurement can still run cold code (measured ten times too slow at load 20)
        Affine[] evaluation = new Affine[2];
        double[] bers = {berLo, berHi, berLo};
        for (int i = 0; i < (berHi > berLo ? 3 : 2); i++) {
            double ber = bers[i];
            Affine a = affine(n -> new NetworkEvaluator(model, faults, test.slice(0, n))
                    .accuracy(setup.uniform(ber), Seeds.stream(seed, n)), 16, 1024, test.size());
            int slot = berHi > berLo ? i % 2 : 0;
            if (evaluation[slot] == null || a.at(test.size()) < evaluation[slot].at(test.size())) {
                evaluation[slot] = a;
            }
        }
        Linear faulty = berHi > berLo ? new Linear(berLo, evaluation[0].perUnit(), berHi, evaluation[1].perUnit())
                : Linear.constant(evaluation[0].perUnit());
        Linear faultyTrial = berHi > berLo ? new Linear(berLo, evaluation[0].fixed(), berHi, evaluation[1].fixed())
                : Linear.constant(evaluation[0].fixed());
        double trainImage = rate(n -> new Trainer(TrainConfig.defaults(1, seed)).train(model.copy(), train.slice(0, n),
                (e, l, s) -> { }), 64, train.size());
        int validation = Math.min(32, train.size() / 4);
        ImageDataset val = train.slice(train.size() - validation, train.size());
        // one retraining epoch also evaluates the validation images twice (baseline, then with errors)
        Linear retrainRaw = linear(c.number("ber_start", 1e-12, 1), c.number("ber_max", 1e-12, 1), ber -> {
            var cfg = new CurricularRetrainer.Config(CurricularRetrainer.Mode.CURRICULAR, 1, c.integer("batch", 1, 65536),
                    (float) c.number("lr", 1e-9, 10), (float) c.number("momentum", 0, 0.999999), seed,
                    CurriculumSchedule.Params.fixed(ber), 0, 0.01, 1, Math.min(32, train.size()));
            double epoch = rate(n -> new CurricularRetrainer(cfg).run(model, train.slice(0, n), val, setup, null,
                    CurricularRetrainer.Listener.NONE), 64, train.size() - validation);
            return epoch - 2.0 * (faultyTrial.at(ber) + validation * faulty.at(ber)) / lastN;
        });
        // training timed again, now that retraining has run the same forward and backward code many times: on a
        // loaded machine the first timing can still be of cold code (LeNet-5 FP32: 100 times the warm cost)
        trainImage = Math.min(trainImage, rate(n -> new Trainer(TrainConfig.defaults(1, seed)).train(model.copy(),
                train.slice(0, n), (e, l, s) -> { }), 64, train.size()));
        // a retraining image costs at least a training image
        Linear retrainImage = new Linear(retrainRaw.ber0(), Math.max(trainImage, retrainRaw.cost0()), retrainRaw.ber1(),
                Math.max(trainImage, retrainRaw.cost1()));
        return new Eden(trainImage, retrainImage, faulty, faultyTrial, setup.sites().size(),
                (System.nanoTime() - t0) / 1e9);
    }

    private static Linear linear(double lo, double hi, java.util.function.DoubleUnaryOperator cost) {
        double c0 = cost.applyAsDouble(lo);
        return hi > lo ? new Linear(lo, c0, hi, cost.applyAsDouble(hi)) : Linear.constant(c0);
    }

    /** Costs of a sparkxd run of {@code c}: STDP and inference of its network size, on {@code threads} threads. */
    public Sparkxd sparkxd(PipelineConfig c, ImageDataset train, ImageDataset test, int threads) {
        long t0 = System.nanoTime();
        int neurons = c.integer("neurons", 1, 65536);
        long seed = c.integer("seed", 0L, Long.MAX_VALUE);
        SnnModel model = SnnModel.initial(neurons, seed);
        SnnTrainer trainer = new SnnTrainer(model);
        double stdp = rate(n -> trainer.train(train, model.imagesTrained() + n, null, 0, null), 2, 1 << 20);
        double infer = rate(n -> new SnnEvaluator(model, threads).responses(test, Math.min(n, test.size()), seed, 5), 2,
                test.size());
        return new Sparkxd(stdp, infer, (System.nanoTime() - t0) / 1e9);
    }

    private int lastN;

    /**
     * Seconds per unit of {@code work(n)}. n doubles from {@code start} (up to {@code max}) until a run takes
     * minSeconds; runs in the first 3·minSeconds, and runs during which the JIT compiled (up to 30·minSeconds), only
     * warm the JIT up (cold code runs up to a hundred times slower, and can be steady at it: on this project's loaded
     * 2-core machine LeNet-5 training was timed at 27 ms per image instead of 0.2 ms before this rule); then runs
     * repeat until two in a row agree within 25% or 12·minSeconds have passed, and the lowest rate seen is taken.
     */
    double rate(IntConsumer work, int start, int max) {
        long begin = System.nanoTime();
        int n = Math.max(1, Math.min(start, max));
        double previous = Double.NaN;
        double best = Double.POSITIVE_INFINITY;
        while (true) {
            long compiling = compilationMillis();
            long t = System.nanoTime();
            work.accept(n);
            double s = (System.nanoTime() - t) / 1e9;
            double elapsed = (System.nanoTime() - begin) / 1e9;
            // still warming while the JIT compiled during the run: on a busy machine its threads get little time and
            // code can stay interpreted (100 times slower, and steady) for many seconds
            boolean warming = elapsed < 3 * minSeconds
                    || (compilationMillis() > compiling && elapsed < 30 * minSeconds);
            if (s < minSeconds && n < max) {
                n = (int) Math.min(max, 2L * n);
                continue;
            }
            if (warming) {
                continue; // cold code can be slow and steady: two such runs must not pass for warm ones
            }
            double r = s / n;
            best = Math.min(best, r);
            lastN = n;
            if (Math.abs(r - previous) <= 0.25 * previous || (System.nanoTime() - begin) / 1e9 >= 12 * minSeconds) {
                return best;
            }
            previous = r;
        }
    }

    /** Milliseconds the JIT compilers have worked so far (0 where the JVM does not tell). */
    private static long compilationMillis() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /**
     * {@code work(n)} as fixed + n × per unit: timed as {@link #rate} times it, from at least {@code least} units
     * (so that the fixed part does not end the doubling), then again at a quarter of that count (the least of two
     * runs); the line through the two. When noise makes the per-unit part negative, all is per unit.
     */
    Affine affine(IntConsumer work, int start, int least, int max) {
        double perUnitAll = rate(work, Math.min(max, Math.max(start, least)), max);
        int n = lastN;
        int m = Math.max(1, n / 4);
        if (m == n) {
            return new Affine(0, perUnitAll);
        }
        double small = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            work.accept(m);
            small = Math.min(small, (System.nanoTime() - t) / 1e9);
        }
        double perUnit = (perUnitAll * n - small) / (n - m);
        if (!(perUnit > 0)) {
            return new Affine(0, perUnitAll);
        }
        lastN = n;
        return new Affine(Math.max(0, small - perUnit * m), perUnit);
    }

    /** The run's network: its model file (imported when ONNX), else a fresh one of its {@code network}. */
    private static Sequential model(PipelineConfig c, ImageShape shape, int classes, long seed) {
        String given = c.optionalText("model");
        if (given == null) {
            return ZooModel.parse(c.text("network")).create(shape, classes, seed);
        }
        if (!given.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            return DnnModels.load(Path.of(given));
        }
        try {
            Path tmp = Files.createTempFile("undervolt-calibration", ".uvnn");
            try {
                OnnxImport.convert(Path.of(given), tmp);
                return DnnModels.load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import " + given + ": " + e.getMessage(), e);
        }
    }
}
