package org.undervolt.dram.error;

import java.util.function.DoubleFunction;

/**
 * An error model with its shape fixed and its rate left open: given the bit error rate that a DRAM
 * operating point produces (from a BER(VDD) or BER(tRCD) table), it builds the model whose
 * expected bit error rate (over devices, for data with as many 0s as 1s) is that BER. This is how
 * the models are parameterised by VDD and tRCD: {@code family.atBer(table.ber(vdd))}. Families are
 * built from a spec by the {@link ErrorModelRegistry}.
 */
public interface ErrorModelFamily extends DoubleFunction<ErrorModel> {

    /** The family's spec with every parameter named, e.g. {@code bitline:cell-rate=0.5}. */
    String name();

    /** The model whose expected bit error rate is {@code ber}. */
    ErrorModel atBer(double ber);

    /**
     * The highest BER its models reach: 1 for a model that makes any rate; for the {@code weak-subarray} model the
     * device's BER at its lowest measured voltage, which every BER above it stands for too (a tolerance search's axis
     * ends there).
     */
    default double maxBer() {
        return 1;
    }

    /** Same as {@link #atBer}. */
    @Override
    default ErrorModel apply(double ber) {
        return atBer(ber);
    }

    /** A family called {@code name} whose models {@code build} makes. */
    static ErrorModelFamily of(String name, DoubleFunction<ErrorModel> build) {
        return of(name, 1, build);
    }

    /** A family called {@code name} whose models {@code build} makes, reaching BERs up to {@code maxBer}. */
    static ErrorModelFamily of(String name, double maxBer, DoubleFunction<ErrorModel> build) {
        record Named(String name, double maxBer, DoubleFunction<ErrorModel> build) implements ErrorModelFamily {
            @Override
            public ErrorModel atBer(double ber) {
                return build.apply(ber);
            }

            @Override
            public String toString() {
                return name;
            }
        }
        return new Named(name, maxBer, build);
    }
}
