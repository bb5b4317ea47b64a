package org.undervolt.fault;

import java.util.Arrays;

import org.undervolt.dram.error.ErrorModel;
import org.undervolt.random.Seeds;
import org.undervolt.storage.DramImage;

/**
 * Times error injection against the baseline a trial always pays, a plain copy of the clean image
 * into the trial buffer, in the same process and on the same bytes. Reports medians over
 * repetitions after warm-up, and their ratio. Warm-up runs at least {@code warmup} repetitions and
 * at least {@link #MIN_WARMUP_NANOS}, so the JIT has compiled the loops before timing starts.
 */
public final class InjectionBenchmark {

    /** One measurement: medians in nanoseconds, flips of the last repetition. */
    public record Result(long bits, String model, long flips, double copyNanos, double injectNanos) {
        public double ratio() {
            return injectNanos / copyNanos;
        }
    }

    /** Least time spent warming up each measurement. */
    public static final long MIN_WARMUP_NANOS = 200_000_000L;

    private InjectionBenchmark() {
    }

    public static Result measure(DramImage clean, ErrorModel model, int repetitions, int warmup, long seed) {
        if (repetitions < 1 || warmup < 0) {
            throw new IllegalArgumentException("need at least one repetition");
        }
        DramImage trial = clean.copy();
        long[] copy = new long[repetitions];
        long[] inject = new long[repetitions];
        long flips = 0;
        long warmStart = System.nanoTime();
        for (int rep = 0; rep < warmup || System.nanoTime() - warmStart < MIN_WARMUP_NANOS; rep++) {
            trial.restoreFrom(clean);
            Injector.inject(trial, model, Seeds.stream(seed, -1 - rep));
        }
        for (int rep = 0; rep < repetitions; rep++) {
            long t0 = System.nanoTime();
            trial.restoreFrom(clean);
            long t1 = System.nanoTime();
            flips = Injector.inject(trial, model, Seeds.stream(seed, rep));
            long t2 = System.nanoTime();
            copy[rep] = t1 - t0;
            inject[rep] = t2 - t1;
        }
        return new Result(8L * clean.size(), model.name(), flips, median(copy), median(inject));
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
}
