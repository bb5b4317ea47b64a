package org.undervolt.usecase;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.data.ImageDataset;
import org.undervolt.dram.spec.Organization;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.quant.Int8Hooks;
import org.undervolt.nn.quant.Int8Network;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.resilience.BerSweep;
import org.undervolt.resilience.StoredWeights;
import org.undervolt.resilience.StoredWeightsEvaluator;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.SequentialPlacement;

/**
 * Evaluates a DNN as trained, with its weights stored in a format in DRAM, and with bit errors in the stored
 * weight bits: each trial encodes the weights, flips stored bits with the error model, decodes them into a copy
 * of the network and evaluates it (biases stay error-free, on chip); optionally also on the INT8 integer datapath. The
 * implementation behind {@code undervolt eval}.
 */
public final class EvalUseCase {
    private EvalUseCase() {
    }

    /**
     * @throws BadSetting {@code model: ...} when the INT8 datapath cannot quantise the network
     */
    public static EvalResult run(EvalRequest r) {
        Sequential model = r.model();
        double asTrained = exact(Evaluator.accuracy(model, r.test()));
        if (r.format() == null) {
            return new EvalResult(asTrained, int8Accuracy(r), null);
        }
        StoredWeights stored = StoredWeights.of(model, r.format(), new SequentialPlacement(geometry(r.part().organization())));
        double clean = exact(Evaluator.accuracy(stored.quantisedCopy(model), r.test()));
        EvalResult.Trials trials = null;
        if (r.ber() != null) {
            double ber = r.ber();
            var evaluator = new StoredWeightsEvaluator(model, stored, r.test(), r.errors());
            BerSweep streams = new BerSweep(r.seed(), r.trials());
            List<Double> accuracies = new ArrayList<>();
            List<Long> flips = new ArrayList<>();
            List<Integer> nonfinite = new ArrayList<>();
            for (int t = 0; t < r.trials(); t++) {
                accuracies.add(exact((float) evaluator.accuracy(ber, streams.trialStream(ber, t))));
                flips.add(evaluator.lastFlips());
                nonfinite.add(evaluator.lastNonfinite());
            }
            trials = new EvalResult.Trials(accuracies, flips, nonfinite);
        }
        return new EvalResult(asTrained, int8Accuracy(r), new EvalResult.Stored(r.format().name(), stored.bytes(), clean,
                trials));
    }

    /**
     * With the INT8 datapath: its accuracy, its activation scales calibrated on the first
     * {@value EvalRequest#CALIBRATION_IMAGES} calibration images; else null.
     */
    private static Double int8Accuracy(EvalRequest r) {
        if (r.datapath() != EvalRequest.Datapath.INT8) {
            return null;
        }
        ImageDataset calibration = r.calibration();
        Int8Network int8;
        try {
            int8 = Int8Network.quantize(r.model(), calibration.slice(0, Math.min(EvalRequest.CALIBRATION_IMAGES,
                    calibration.size())));
        } catch (IllegalArgumentException e) {
            throw BadSetting.about("model", e.getMessage());
        }
        return exact(int8.accuracy(r.test(), Int8Hooks.NONE));
    }

    /** A float accuracy as the decimal it prints as (0.9925, not 0.9925000071525574). */
    public static double exact(float accuracy) {
        return Double.parseDouble(Float.toString(accuracy));
    }

    /** The geometry of a DRAM part, as the demo lays weights out (one subarray per subarrayRows rows). */
    static DramGeometry geometry(Organization org) {
        int subarrays = Math.max(1, org.rows() / org.subarrayRows());
        return new DramGeometry(org.channels(), org.ranks(), org.banks(), subarrays, org.rows() / subarrays,
                Math.toIntExact(org.bytesPerRow()));
    }
}
