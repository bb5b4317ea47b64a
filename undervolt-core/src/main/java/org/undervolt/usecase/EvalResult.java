package org.undervolt.usecase;

import java.util.List;

/**
 * What an evaluation measured. Accuracies are the float accuracies as the decimals they print as.
 *
 * @param floatAccuracy accuracy of the network as trained
 * @param int8Accuracy  with the INT8 datapath: its accuracy; else null
 * @param stored        with a storage format: the weights as stored; else null
 */
public record EvalResult(double floatAccuracy, Double int8Accuracy, Stored stored) {

    /** The accuracy the evaluation stands for: the mean over the trials, else the stored weights', else as trained. */
    public double accuracy() {
        return stored == null ? floatAccuracy : stored.trials() == null ? stored.baselineAccuracy() : stored.trials().mean();
    }

    /**
     * The weights stored in a format.
     *
     * @param format           the format's name
     * @param bytes            bytes the weights take in DRAM
     * @param baselineAccuracy accuracy with the stored (quantised) weights, no errors
     * @param trials           with a BER: every trial; else null
     */
    public record Stored(String format, long bytes, double baselineAccuracy, Trials trials) {
    }

    /**
     * Monte-Carlo trials at one BER.
     *
     * @param accuracies per trial
     * @param flips      bits flipped per trial
     * @param nonfinite  non-finite outputs per trial
     */
    public record Trials(List<Double> accuracies, List<Long> flips, List<Integer> nonfinite) {
        public Trials {
            accuracies = List.copyOf(accuracies);
            flips = List.copyOf(flips);
            nonfinite = List.copyOf(nonfinite);
        }

        /** The mean accuracy, summed in trial order. */
        public double mean() {
            double sum = 0;
            for (double a : accuracies) {
                sum += a;
            }
            return sum / accuracies.size();
        }
    }
}
