package org.undervolt.dram.error;

import java.util.List;

import org.undervolt.dram.error.ErrorModelParameter.Domain;

/**
 * The registered error models ({@link ErrorModelRegistry}), each with one meaning per parameter.
 * Sources: EDEN's error models 0–3 (Koppula et al., "EDEN", MICRO 2019, §5.2; docs/PAPERS.md
 * §2.2, which names the parameters P_B, F_B, P_W, F_W, P₀→₁ and P₁→₀) and the location-aware model
 * of SparkXD/EnforceSNN (Putra et al.; docs/PAPERS.md §1.5). EDEN fits the parameters to a
 * device's failure bitmap ({@link ErrorModelFitter}); the defaults here are engineering values for
 * when no bitmap is at hand, and the BER that sets the rate comes from the operating point.
 */
final class ErrorModelEntries {
    private static final String BITLINES = "bitlines";
    private static final String ROWS = "rows";

    private ErrorModelEntries() {
    }

    /** EDEN model 0. */
    static ErrorModelEntry uniform() {
        return new ErrorModelEntry("uniform",
                "EDEN error model 0: every stored bit flips independently at the BER, whatever it holds and wherever "
                        + "it lies (the model of SparkXD and EnforceSNN too).",
                List.of(new ErrorModelParameter("sampler",
                        "how the gaps between flips are drawn, both exact: blocked (vectorized, about 2x faster per flip "
                                + "once compiled) or sequential (the stream of results recorded before blocked became "
                                + "the default); they flip different bits for one seed",
                        "blocked", Domain.choice("blocked", "sequential"))),
                (spec, weak) -> {
                    UniformErrorModel.Sampler sampler = spec.value("sampler").equals("sequential")
                            ? UniformErrorModel.Sampler.SEQUENTIAL : UniformErrorModel.Sampler.BLOCKED;
                    return ErrorModelFamily.of(spec.canonical("sampler"), ber -> new UniformErrorModel(ber, sampler));
                });
    }

    /** EDEN model 1. */
    static ErrorModelEntry bitline() {
        return weakLines("bitline", "EDEN error model 1: errors cluster along weak bitlines (bit columns of a "
                + "subarray), from variation between sense amplifiers.", BITLINES, "F_B", "P_B", BitlineErrorModel::new);
    }

    /** EDEN model 2. */
    static ErrorModelEntry wordline() {
        return weakLines("wordline", "EDEN error model 2: errors cluster along weak wordlines (rows), from "
                + "variation between rows.", ROWS, "F_W", "P_W", WordlineErrorModel::new);
    }

    /** The model of a fraction of weak lines whose cells fail at a rate. */
    @FunctionalInterface
    private interface LineModel {
        ErrorModel of(double weakFraction, double cellRate, WeakCells weakCells);
    }

    /**
     * EDEN models 1 and 2: a fraction of lines is weak and their cells fail at a rate, the BER being
     * the product. A spec gives one of the two, the other follows from the BER.
     */
    private static ErrorModelEntry weakLines(String name, String description, String lines, String rateSymbol,
            String fractionSymbol, LineModel model) {
        ErrorModelParameter cellRate = new ErrorModelParameter("cell-rate",
                rateSymbol + ": probability that a cell on a weak line fails in a trial; the fraction of weak " + lines
                        + " is then BER / " + rateSymbol + " (when the BER exceeds it, every line is weak and cells "
                        + "fail at the BER). Used unless weak-fraction is given",
                "0.5", Domain.fraction());
        ErrorModelParameter weakFraction = new ErrorModelParameter("weak-fraction",
                fractionSymbol + ": fraction of " + lines + " that are weak; their cells then fail at BER / "
                        + fractionSymbol + ", so the BER may not exceed it. Give cell-rate or weak-fraction, not both",
                null, Domain.fraction());
        return new ErrorModelEntry(name, description, List.of(cellRate, weakFraction), (spec, weak) -> {
            if (spec.gives("cell-rate") && spec.gives("weak-fraction")) {
                throw new IllegalArgumentException("give cell-rate or weak-fraction, not both (the other follows "
                        + "from the BER)");
            }
            if (spec.gives("weak-fraction")) {
                double p = spec.number("weak-fraction");
                return ErrorModelFamily.of(spec.canonical("weak-fraction"), ber -> {
                    if (!(ber <= p)) {
                        throw spec.invalid("BER " + ber + " is above weak-fraction " + p + ", more than its weak "
                                + lines + " can make up (give cell-rate instead)");
                    }
                    return model.of(p, ber / p, weak);
                });
            }
            double f = spec.number("cell-rate");
            return ErrorModelFamily.of(spec.canonical("cell-rate"),
                    ber -> ber > f ? model.of(1, ber, weak) : model.of(ber / f, f, weak));
        });
    }

    /** EDEN model 3. */
    static ErrorModelEntry dataDependent() {
        return new ErrorModelEntry("data-dependent",
                "EDEN error model 3: uniform random errors whose rate depends on the stored value (a true cell "
                        + "leaks towards 0, an anti-cell towards 1).",
                List.of(new ErrorModelParameter("ratio",
                        "P1->0 / P0->1: how many times as likely a stored 1 reads as 0 as a stored 0 reads as 1; "
                                + "the two rates average to the BER (each capped at 1), so data with as many 0s as 1s "
                                + "sees the BER",
                        "4", Domain.nonNegative())),
                (spec, weak) -> {
                    double r = spec.number("ratio");
                    return ErrorModelFamily.of(spec.canonical("ratio"), ber -> new DataDependentErrorModel(
                            Math.min(1, 2 * ber / (1 + r)), Math.min(1, 2 * ber * r / (1 + r))));
                });
    }

    /** SparkXD/EnforceSNN's location-aware model. */
    static ErrorModelEntry location() {
        return new ErrorModelEntry("location",
                "SparkXD/EnforceSNN location-aware model: only weak subarrays or banks err, uniformly; the rest of "
                        + "the memory is error-free. The weak fraction is fixed, whatever the voltage (weak-subarray has "
                        + "it follow a measured device's VDD).",
                List.of(new ErrorModelParameter("weak-fraction",
                                "fraction of subarrays (or banks) that are weak; they err at BER / weak-fraction "
                                        + "(capped at 1), so the BER is the module's mean rate",
                                "0.25", Domain.fraction()),
                        new ErrorModelParameter("granularity", "whether the weak regions are subarrays or whole banks",
                                "subarray", Domain.choice("subarray", "bank"))),
                (spec, weak) -> {
                    double w = spec.number("weak-fraction");
                    var granularity = spec.value("granularity").equals("bank")
                            ? LocationAwareErrorModel.Granularity.BANK : LocationAwareErrorModel.Granularity.SUBARRAY;
                    return ErrorModelFamily.of(spec.canonical("weak-fraction", "granularity"),
                            ber -> LocationAwareErrorModel.random(w, Math.min(1, ber / w), granularity, weak));
                });
    }
}
