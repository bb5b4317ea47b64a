package org.undervolt.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;

import org.undervolt.InvalidInputException;
import org.undervolt.Provenance;
import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.fault.Injector;
import org.undervolt.random.Seeds;
import org.undervolt.io.AtomicFiles;
import org.undervolt.io.Json;
import org.undervolt.snn.DiehlCook;
import org.undervolt.snn.NeuronLabels;
import org.undervolt.snn.SnnEvaluator;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FormatSpec;

/**
 * What {@code undervolt retrain --network snn} does: fault-aware training of a trained Diehl and Cook
 * network ({@link SnnFaultAwareTrainer}), then labelling, then test accuracy of the baseline and of
 * the fault-aware network, error-free and at each evaluation BER (Monte-Carlo trials on the stored
 * weights), written to {@code fat.json} with the model as {@code fat.snn}.
 */
public final class SnnFatRun {
    static final long EVAL = 0x4556_414CL;
    /** The spike-train streams {@code snn train} labels and tests with ({@code SnnModel.STREAM_LABEL/STREAM_TEST}). */
    static final long LABEL_STREAM = 4;
    static final long TEST_STREAM = 5;

    /**
     * @param baseModel    a labelled or unlabelled model from {@code snn train}
     * @param fat          fault-aware training settings
     * @param errorName    the error model's name for the report
     * @param evalBers     BERs to evaluate at
     * @param trials       error draws per evaluation BER
     * @param labelImages  training images used to label neurons
     * @param testImages   test images
     * @param threads      evaluation threads
     * @param out          output folder
     */
    public record Options(Path baseModel, SnnFaultAwareTrainer.Config fat, String errorName, double[] evalBers,
            int trials, int labelImages, int testImages, int threads, Path out) {
    }

    private SnnFatRun() {
    }

    /**
     * What {@code fat.json} holds (and {@code retrain --json} of an SNN prints): its components are the keys in order
     * (snake_case).
     *
     * @param baseImagesTrained images the base model was trained on
     * @param fatBers           the fault-aware training's BER steps
     * @param fatInjectEvery    images between two reads with errors
     * @param fatReads          where the errors act, in words
     * @param fatSeconds        wall time of the fault-aware training
     * @param controlSeconds    wall time of the control training (the same images, no flips)
     * @param baseline          the base model's accuracy
     * @param faultAware        the fault-aware model's
     * @param control           the control model's
     */
    public record Report(String baseModel, int neurons, long baseImagesTrained, double[] fatBers, long fatImagesPerStep,
            int fatInjectEvery, String fatReads, String format, String readCorrection, String errorModel, int labelImages,
            int testImages, double fatSeconds, double controlSeconds, Evaluation baseline, Evaluation faultAware,
            Evaluation control, Map<String, Object> provenance) implements RetrainReport {
    }

    /**
     * One model's test accuracy.
     *
     * @param errorFree  with the stored weights, no errors
     * @param withErrors at each evaluation BER
     */
    public record Evaluation(double errorFree, List<AtBer> withErrors) {
    }

    /**
     * The trials at one evaluation BER.
     *
     * @param raw     on the weights as read
     * @param clamped on the same weights corrected on read as the run corrects them
     */
    public record AtBer(double ber, CurveExport.Point raw, CurveExport.Point clamped) {
    }

    public static Report run(Options o, ImageDataset train, ImageDataset test, Consumer<String> log) {
        return run(o, train, test, log, WorkProgress.NONE);
    }

    /**
     * As {@link #run(Options, ImageDataset, ImageDataset, Consumer)}, telling {@code images} about every
     * fault-aware training image (those before a resumed checkpoint counted as skipped).
     */
    public static Report run(Options o, ImageDataset train, ImageDataset test, Consumer<String> log,
            WorkProgress images) {
        if (o.labelImages() < 1 || o.labelImages() > train.size() || o.testImages() < 1 || o.testImages() > test.size()) {
            throw new InvalidInputException("--label-images / --test-images out of range (1.." + train.size() + " / 1.."
                    + test.size() + ")");
        }
        SnnModel base = SnnModelFile.read(o.baseModel());
        BothTrainings both = new BothTrainings(images, 2 * o.fat().totalImages());
        Timed fatRun = () -> train(o.fat(), base, train, o.out().resolve("fat.ckpt"), log, "fault-aware training",
                both.part(0));
        Timed controlRun = () -> train(o.fat().control(), base, train, o.out().resolve("control.ckpt"), log,
                "control training (no flips)", both.part(1));
        Timed.Result[] done = o.threads() > 1 ? Timed.together(fatRun, controlRun)
                : new Timed.Result[] {fatRun.run(), controlRun.run()};
        SnnModel fat = done[0].model();
        SnnModel control = done[1].model();
        double trainSeconds = done[0].seconds();
        double controlSeconds = done[1].seconds();
        label(base, train, o);
        label(fat, train, o);
        label(control, train, o);
        SnnModelFile.write(fat, o.out().resolve("fat.snn"));
        SnnModelFile.write(control, o.out().resolve("control.snn"));

        Report out = new Report(o.baseModel().toString(), base.neurons(), base.imagesTrained(), o.fat().bers(),
                o.fat().imagesPerStep(), o.fat().readEvery(),
                "errors on read only: the stored weights take STDP's changes, never the flips", o.fat().format().name(),
                o.fat().correction().id(), o.errorName(), o.labelImages(), o.testImages(), trainSeconds, controlSeconds,
                evaluate(base, test, o, log, "baseline"), evaluate(fat, test, o, log, "fault-aware"),
                evaluate(control, test, o, log, "control"), Provenance.describe());
        AtomicFiles.write(o.out().resolve("fat.json"), (Json.write(out) + "\n").getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /**
     * One training (fault-aware or control) and its wall time. With two threads or more the two trainings run at
     * once, each on its own thread: they share nothing they write (each has its own stored copy, error draws and
     * checkpoint), so the networks are the same bits either way.
     */
    @FunctionalInterface
    private interface Timed {
        SnnModel train();

        record Result(SnnModel model, double seconds) {
        }

        default Result run() {
            long t0 = System.nanoTime();
            SnnModel m = train();
            return new Result(m, (System.nanoTime() - t0) / 1e9);
        }

        /** Both at once; the first failure is rethrown as it was thrown. */
        static Result[] together(Timed a, Timed b) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "snn-fat-training");
                t.setDaemon(true);
                return t;
            });
            try {
                var fa = pool.submit(a::run);
                var fb = pool.submit(b::run);
                return new Result[] {get(fa), get(fb)};
            } finally {
                pool.shutdownNow();
            }
        }

        private static Result get(java.util.concurrent.Future<Result> f) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** The two trainings' images as one job: done and skipped summed over both, told one at a time. */
    private static final class BothTrainings {
        private final WorkProgress images;
        private final long all;
        private final long[] done = new long[2];
        private final long[] skipped = new long[2];

        BothTrainings(WorkProgress images, long all) {
            this.images = images;
            this.all = all;
        }

        WorkProgress part(int which) {
            return (d, s, total) -> {
                synchronized (this) {
                    done[which] = d;
                    skipped[which] = s;
                    images.update(done[0] + done[1], skipped[0] + skipped[1], all);
                }
            };
        }
    }

    /** One training run (fault-aware or control), telling {@code images} its own images. */
    private static SnnModel train(SnnFaultAwareTrainer.Config config, SnnModel base, ImageDataset train, Path checkpoint,
            Consumer<String> log, String what, WorkProgress images) {
        long[] resumedAt = {-1};
        long total = config.totalImages();
        return new SnnFaultAwareTrainer(config).train(base, train, checkpoint, 500, (g, ber, flips) -> {
            if (resumedAt[0] < 0) {
                resumedAt[0] = g - 1; // the first image told is the first one trained now
            }
            images.update(g, resumedAt[0], total);
            if (g % 500 == 0) {
                log.accept(String.format("%s: %d/%d images, BER %.3g, %d flips at the last read", what, g, total, ber,
                        flips));
            }
        });
    }

    private static void label(SnnModel m, ImageDataset train, Options o) {
        SnnEvaluator.Responses r = new SnnEvaluator(m, o.threads()).responses(train, o.labelImages(), m.seed(), LABEL_STREAM);
        m.setLabels(NeuronLabels.assign(r.sums(), r.classImages(), m.neurons()));
    }

    /**
     * Accuracy error-free (stored format, no errors) and at each evaluation BER: per trial, the stored
     * weights take errors from {@code (seed, EVAL, ber, trial)}, and the network runs on the weights as
     * read ("raw") and on the same weights corrected on read as the run corrects them ("clamped": the
     * run's {@link ReadCorrection}).
     */
    private static Evaluation evaluate(SnnModel m, ImageDataset test, Options o, Consumer<String> log, String what) {
        FormatSpec format = o.fat().format();
        StoredSynapseStore clean = StoredSynapseStore.of(m.weights(), format, o.fat().placement());
        float[] w = new float[DiehlCook.INPUTS * m.neurons()];
        clean.readAll(w);
        double errorFree = accuracy(m, w, test, o);
        log.accept(String.format("%s: error-free %.4f", what, errorFree));
        List<AtBer> points = new ArrayList<>();
        DoubleFunction<ErrorModel> errors = o.fat().errorModel();
        for (double ber : o.evalBers()) {
            double[] raw = new double[o.trials()];
            double[] clamped = new double[o.trials()];
            for (int t = 0; t < o.trials(); t++) {
                DramImage img = clean.image().copy();
                Injector.inject(img, StoredSynapseStore.TENSOR, errors.apply(ber),
                        Seeds.stream(o.fat().seed(), EVAL, Double.doubleToLongBits(ber), t));
                clean.withImage(img).readAll(w);
                raw[t] = accuracy(m, w, test, o);
                o.fat().correction().apply(w);
                clamped[t] = accuracy(m, w, test, o);
            }
            CurvePoint pr = new CurvePoint(ber, raw);
            CurvePoint pc = new CurvePoint(ber, clamped);
            points.add(new AtBer(ber, CurveExport.Point.of(pr), CurveExport.Point.of(pc)));
            log.accept(String.format("%s: BER %.3g raw %.4f +- %.4f, clamped %.4f +- %.4f", what, ber, pr.mean(),
                    pr.ci95HalfWidth(), pc.mean(), pc.ci95HalfWidth()));
        }
        return new Evaluation(errorFree, points);
    }

    private static double accuracy(SnnModel m, float[] w, ImageDataset test, Options o) {
        int[] pred = new SnnEvaluator(m, w.clone(), o.threads()).predict(test, o.testImages(), m.seed(), SnnFatRun.TEST_STREAM);
        return SnnEvaluator.accuracy(pred, test.slice(0, o.testImages()));
    }
}
