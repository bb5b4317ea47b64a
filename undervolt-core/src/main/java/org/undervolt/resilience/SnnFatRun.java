package org.undervolt.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    public static Map<String, Object> run(Options o, ImageDataset train, ImageDataset test, Consumer<String> log) {
        return run(o, train, test, log, WorkProgress.NONE);
    }

    /**
     * As {@link #run(Options, ImageDataset, ImageDataset, Consumer)}, telling {@code images} about every
     * fault-aware training image (those before a resumed checkpoint counted as skipped).
     */
    public static Map<String, Object> run(Options o, ImageDataset train, ImageDataset test, Consumer<String> log,
            WorkProgress images) {
        if (o.labelImages() < 1 || o.labelImages() > train.size() || o.testImages() < 1 || o.testImages() > test.size()) {
            throw new InvalidInputException("--label-images / --test-images out of range (1.." + train.size() + " / 1.."
                    + test.size() + ")");
        }
        SnnModel base = SnnModelFile.read(o.baseModel());
        long total = o.fat().totalImages();
        long t0 = System.nanoTime();
        SnnModel fat = train(o.fat(), base, train, o.out().resolve("fat.ckpt"), log, "fault-aware training", images, 0,
                2 * total);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        SnnModel control = train(o.fat().control(), base, train, o.out().resolve("control.ckpt"), log,
                "control training (no flips)", images, total, 2 * total);
        double controlSeconds = (System.nanoTime() - t1) / 1e9;
        label(base, train, o);
        label(fat, train, o);
        label(control, train, o);
        SnnModelFile.write(fat, o.out().resolve("fat.snn"));
        SnnModelFile.write(control, o.out().resolve("control.snn"));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("base_model", o.baseModel().toString());
        out.put("neurons", base.neurons());
        out.put("base_images_trained", base.imagesTrained());
        out.put("fat_bers", o.fat().bers());
        out.put("fat_images_per_step", o.fat().imagesPerStep());
        out.put("fat_inject_every", o.fat().readEvery());
        out.put("fat_reads", "errors on read only: the stored weights take STDP's changes, never the flips");
        out.put("format", o.fat().format().name());
        out.put("read_correction", o.fat().correction().id());
        out.put("error_model", o.errorName());
        out.put("label_images", o.labelImages());
        out.put("test_images", o.testImages());
        out.put("fat_seconds", trainSeconds);
        out.put("control_seconds", controlSeconds);
        out.put("baseline", evaluate(base, test, o, log, "baseline"));
        out.put("fault_aware", evaluate(fat, test, o, log, "fault-aware"));
        out.put("control", evaluate(control, test, o, log, "control"));
        out.put("provenance", Provenance.describe());
        AtomicFiles.write(o.out().resolve("fat.json"), (Json.write(out) + "\n").getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** One training run (fault-aware or control), its images counted from {@code offset} of {@code all}. */
    private static SnnModel train(SnnFaultAwareTrainer.Config config, SnnModel base, ImageDataset train, Path checkpoint,
            Consumer<String> log, String what, WorkProgress images, long offset, long all) {
        long[] resumedAt = {-1};
        long total = config.totalImages();
        return new SnnFaultAwareTrainer(config).train(base, train, checkpoint, 500, (g, ber, flips) -> {
            if (resumedAt[0] < 0) {
                resumedAt[0] = g - 1; // the first image told is the first one trained now
            }
            images.update(offset + g, offset + resumedAt[0], all);
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
    private static Map<String, Object> evaluate(SnnModel m, ImageDataset test, Options o, Consumer<String> log, String what) {
        FormatSpec format = o.fat().format();
        StoredSynapseStore clean = StoredSynapseStore.of(m.weights(), format, o.fat().placement());
        float[] w = new float[DiehlCook.INPUTS * m.neurons()];
        clean.readAll(w);
        Map<String, Object> res = new LinkedHashMap<>();
        double errorFree = accuracy(m, w, test, o);
        res.put("error_free", errorFree);
        log.accept(String.format("%s: error-free %.4f", what, errorFree));
        List<Object> points = new ArrayList<>();
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
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("ber", ber);
            p.put("raw", CurveExport.point(pr));
            p.put("clamped", CurveExport.point(pc));
            points.add(p);
            log.accept(String.format("%s: BER %.3g raw %.4f +- %.4f, clamped %.4f +- %.4f", what, ber, pr.mean(),
                    pr.ci95HalfWidth(), pc.mean(), pc.ci95HalfWidth()));
        }
        res.put("with_errors", points);
        return res;
    }

    private static double accuracy(SnnModel m, float[] w, ImageDataset test, Options o) {
        int[] pred = new SnnEvaluator(m, w.clone(), o.threads()).predict(test, o.testImages(), m.seed(), SnnFatRun.TEST_STREAM);
        return SnnEvaluator.accuracy(pred, test.slice(0, o.testImages()));
    }
}
