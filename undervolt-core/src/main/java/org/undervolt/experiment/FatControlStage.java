package org.undervolt.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.data.ImageDataset;
import org.undervolt.io.Json;
import org.undervolt.resilience.CurvePoint;
import org.undervolt.resilience.PairedComparison;
import org.undervolt.resilience.ReadCorrection;
import org.undervolt.resilience.SnnStoredTrials;
import org.undervolt.resilience.SnnTrialRecipe;
import org.undervolt.resilience.WeightStorage;
import org.undervolt.storage.FormatSpec;

/**
 * Does fault-aware training beat its control (the same training without flips) at a stated confidence? The two
 * tolerance searches give each network's tolerable BER, but a search's answer at its boundary moves with the draws
 * it happened to make. This stage asks at one BER, the control's first failing point (the lowest BER of the
 * control's curve above its tolerable BER): both networks run on the same error draws and the same test images
 * ({@link PairedComparison}: per-image paired differences, exact one-sided sign test, 95 % interval of the accuracy
 * difference). Fault-aware training "beats" the control when the sign test rejects "no better" at 5 %.
 */
final class FatControlStage {
    /** One-sided level of the test. */
    static final double ALPHA = 0.05;

    private FatControlStage() {
    }

    /**
     * The comparison's result as JSON: its components are the keys, in order.
     *
     * @param ber                     axis BER compared at (the control's first failing point)
     * @param controlTolerableBer     the control's tolerable axis BER from its search
     * @param faultAwareAccuracy      mean over the draws
     * @param controlAccuracy         mean over the same draws
     * @param difference              fault-aware minus control, in accuracy (0..1)
     * @param faultAwareBetter        sign test rejects "no better" at {@link #ALPHA}
     */
    record Result(String question, double ber, double controlTolerableBer, int trials, int testImages,
                  double faultAwareAccuracy, double controlAccuracy, double difference, double low95, double high95,
                  int imagesFaultAwareBetter, int imagesControlBetter, double pValue, boolean faultAwareBetter,
                  String method, String line) {
    }

    /** Why no comparison was made (the control never failed on the search's grid). */
    record Skipped(String question, double controlTolerableBer, String skipped) {
    }

    static final String QUESTION = "fault-aware vs control at the control's first failing BER, same draws and images";

    static Map<String, Object> run(Path fat, Path control, Map<String, Object> controlTolerance, PipelineConfig c,
            FormatSpec format, ImageDataset test, int threads, WeightStorage storage) {
        double tolerable = controlTolerable(controlTolerance);
        Double ber = firstFailing(SnnToleranceStage.curve(controlTolerance), tolerable);
        if (ber == null) {
            return Json.fields(new Skipped(QUESTION, tolerable, String.format(Locale.ROOT, "the control passed every BER "
                    + "of its search's axis (up to %.3g): there is no failing point to compare at%s", tolerable,
                    storage == null ? "" : "; with the location model the axis ends at the device's lowest voltage, "
                            + "so the device cannot tell the two apart (set weak_fraction 1 for the uniform model)")));
        }
        int n = (int) c.integer("test_images", 1, test.size());
        int trials = (int) c.integer("trials", 1, 10_000);
        long seed = c.integer("seed", 0L, Long.MAX_VALUE);
        ImageDataset slice = test.slice(0, n);
        SnnStoredTrials a = trials(fat, c, format, slice, threads, storage);
        SnnStoredTrials b = trials(control, c, format, slice, threads, storage);
        PairedComparison p = PairedComparison.of(a, b, ber, trials, seed);
        boolean better = p.aBetter(ALPHA);
        String line = String.format(Locale.ROOT, "fault-aware %.4f vs control %.4f at BER %.3g (%d draws x %d images, "
                + "same flips): %+.2f points, 95%% interval [%+.2f, %+.2f]; sign test p = %.2g: %s", p.accuracyA(),
                p.accuracyB(), ber, trials, n, 100 * p.difference(), 100 * p.low95(), 100 * p.high95(), p.pValue(),
                better ? "fault-aware training beats its control at 95% confidence"
                        : "no advantage of fault-aware training at 95% confidence");
        return Json.fields(new Result(QUESTION, ber, tolerable, trials, n, p.accuracyA(), p.accuracyB(), p.difference(),
                p.low95(), p.high95(), p.imagesABetter(), p.imagesBBetter(), p.pValue(), better,
                "per-image paired differences over the draws; exact one-sided sign test (alpha " + ALPHA
                        + "); normal 95% interval of the mean difference; conditional on the draws measured",
                line));
    }

    /** A network's (e.g. the control's) tolerable BER on the search's axis (the device's BER(V) axis under weak-subarray). */
    static double controlTolerable(Map<String, Object> controlTolerance) {
        Object axis = controlTolerance.get("tolerable_axis_ber");
        return PipelineSummary.num(axis != null ? axis : controlTolerance.get("tolerable_ber"));
    }

    /** The lowest BER of {@code curve} above {@code tolerable}, or null when there is none. */
    static Double firstFailing(List<CurvePoint> curve, double tolerable) {
        Double best = null;
        for (CurvePoint p : curve) {
            if (p.ber() > tolerable && (best == null || p.ber() < best)) {
                best = p.ber();
            }
        }
        return best;
    }

    /** A network's stored-weight trials as the pipeline's settings store and hit them. */
    static SnnStoredTrials trials(Path model, PipelineConfig c, FormatSpec format, ImageDataset test,
            int threads, WeightStorage storage) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + model, e);
        }
        return new SnnTrialRecipe(bytes, format.name(), c.text("error_model"), c.integer("device_seed", 0L,
                Long.MAX_VALUE), ReadCorrection.parse(c.text("read_correction")), test, storage).build(threads);
    }
}
