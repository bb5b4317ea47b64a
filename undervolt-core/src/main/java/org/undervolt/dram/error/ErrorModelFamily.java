package org.undervolt.dram.error;

/**
 * An error model with its shape fixed and its rate left open: given the bit error rate that a DRAM
 * operating point produces (from a BER(VDD) or BER(tRCD) table), it builds the model whose
 * expected bit error rate is that BER. This is how the models are parameterised by VDD and tRCD:
 * {@code family.atBer(table.ber(vdd))}.
 */
public interface ErrorModelFamily {

    /** The family's name with its shape parameters, e.g. {@code bitline(pb=0.01)}. */
    String name();

    /** The model whose expected bit error rate (over devices, for balanced data) is {@code ber}. */
    ErrorModel atBer(double ber);

    /** EDEN model 0, with the default sampler. */
    static ErrorModelFamily uniform() {
        return uniform(UniformErrorModel.Sampler.DEFAULT);
    }

    /** EDEN model 0, its gaps drawn by {@code sampler}. */
    static ErrorModelFamily uniform(UniformErrorModel.Sampler sampler) {
        return of(sampler == UniformErrorModel.Sampler.SEQUENTIAL ? "uniform" : "uniform(sampler=" + sampler.name().toLowerCase() + ")",
                ber -> new UniformErrorModel(ber, sampler));
    }

    /** EDEN model 1 with a fraction {@code pb} of weak bitlines; cells on them fail with {@code ber / pb}. */
    static ErrorModelFamily bitlines(double pb, WeakCells weakCells) {
        return of("bitline(pb=" + pb + ", weak=" + weakCells + ")",
                ber -> new BitlineErrorModel(pb, conditional(ber, pb, "weak bitline fraction"), weakCells));
    }

    /** EDEN model 2 with a fraction {@code pw} of weak wordlines; cells on them fail with {@code ber / pw}. */
    static ErrorModelFamily wordlines(double pw, WeakCells weakCells) {
        return of("wordline(pw=" + pw + ", weak=" + weakCells + ")",
                ber -> new WordlineErrorModel(pw, conditional(ber, pw, "weak wordline fraction"), weakCells));
    }

    /**
     * EDEN model 3 with {@code p01 / p10 = ratio}; the two rates average to {@code ber}, so data
     * with as many 0s as 1s sees {@code ber}.
     */
    static ErrorModelFamily dataDependent(double ratio) {
        if (!(ratio >= 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("p01/p10 ratio must be finite and >= 0, not " + ratio);
        }
        return of("data-dependent(p01/p10=" + ratio + ")",
                ber -> new DataDependentErrorModel(2 * ber * ratio / (1 + ratio), 2 * ber / (1 + ratio)));
    }

    /**
     * SparkXD's location-aware model: a fraction of subarrays (or banks) is weak and errs at
     * {@code ber}, the rest is error-free. Here {@code ber} is the rate inside weak regions.
     */
    static ErrorModelFamily location(double weakFraction, LocationAwareErrorModel.Granularity granularity,
                                     WeakCells weakCells) {
        return of("location(weak " + granularity.name().toLowerCase() + "s=" + weakFraction + ", weak=" + weakCells + ")",
                ber -> LocationAwareErrorModel.random(weakFraction, ber, granularity, weakCells));
    }

    private static double conditional(double ber, double fraction, String what) {
        if (!(ber >= 0 && ber <= fraction)) {
            throw new IllegalArgumentException("BER " + ber + " needs a " + what + " of at least " + ber
                    + " (have " + fraction + ")");
        }
        return fraction == 0 ? 0 : ber / fraction;
    }

    private static ErrorModelFamily of(String name, java.util.function.DoubleFunction<ErrorModel> build) {
        return new ErrorModelFamily() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ErrorModel atBer(double ber) {
                return build.apply(ber);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
