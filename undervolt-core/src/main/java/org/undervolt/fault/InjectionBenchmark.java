package org.undervolt.fault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.MemoryRegion;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.random.Seeds;
import org.undervolt.storage.DramImage;

/**
 * Times error injection against the baseline a trial always pays, a plain copy of the clean image
 * into the trial buffer, in the same process and on the same bytes. The injection time excludes
 * the copy: a ratio of 2 means injecting costs two copies on top of the copy. Reports medians over
 * repetitions after warm-up, and their ratio. Several models are timed interleaved (copy, inject
 * with the first model, copy, inject with the second, ...), so that a change in machine load
 * affects them alike. Each repetition also times the whole trial done in one pass
 * ({@link Injector#restoreAndInject}), which flips the same bits. Warm-up runs at least {@code warmup} repetitions and at least
 * {@link #MIN_WARMUP_NANOS} ({@link #FIRST_WARMUP_NANOS} for the first measurement of a process),
 * so the JIT has compiled the loops, the Vector API kernels included, before timing starts.
 */
public final class InjectionBenchmark {

    /**
     * One measurement: medians in nanoseconds, flips of the last repetition. {@code fusedNanos} is
     * a whole trial, copy and injection, by {@link Injector#restoreAndInject}.
     */
    public record Result(long bits, String model, long flips, double copyNanos, double injectNanos,
                         double fusedNanos) {
        /** Injection after the copy, in copies. */
        public double ratio() {
            return injectNanos / copyNanos;
        }

        /** What a one-pass trial costs beyond its copy, in copies. */
        public double fusedExtraRatio() {
            return (fusedNanos - copyNanos) / copyNanos;
        }
    }

    /** Least time spent warming up each measurement. */
    public static final long MIN_WARMUP_NANOS = 200_000_000L;
    /**
     * Warm-up advised for the blocked sampler once per process ({@link #warmUpBlockedSampler}): it
     * draws its first 2^21 gaps with the scalar twin, and its vector kernel then takes about a
     * second of calls before the JIT compiles it (see BlockGeometricGaps).
     */
    public static final long FIRST_WARMUP_NANOS = 4_000_000_000L;

    private InjectionBenchmark() {
    }

    public static Result measure(DramImage clean, ErrorModel model, int repetitions, int warmup, long seed) {
        return measure(clean, List.of(model), repetitions, warmup, MIN_WARMUP_NANOS, seed).get(0);
    }

    /**
     * Times each model on the same trial streams {@code (seed, repetition)}, interleaved; each
     * result's copy time is the median of the copies that preceded its injections.
     */
    public static List<Result> measure(DramImage clean, List<ErrorModel> models, int repetitions, int warmup,
                                       long warmupNanos, long seed) {
        if (repetitions < 1 || warmup < 0 || models.isEmpty()) {
            throw new IllegalArgumentException("need at least one repetition and one model");
        }
        DramImage trial = clean.copy();
        int m = models.size();
        long[][] copy = new long[m][repetitions];
        long[][] inject = new long[m][repetitions];
        long[][] fused = new long[m][repetitions];
        long[] flips = new long[m];
        long warmStart = System.nanoTime();
        for (int rep = 0; rep < warmup || System.nanoTime() - warmStart < warmupNanos; rep++) {
            for (ErrorModel model : models) {
                trial.restoreFrom(clean);
                Injector.inject(trial, model, Seeds.stream(seed, -1 - rep));
                Injector.restoreAndInject(trial, clean, model, Seeds.stream(seed, -1 - rep));
            }
        }
        for (int rep = 0; rep < repetitions; rep++) {
            for (int i = 0; i < m; i++) {
                long t0 = System.nanoTime();
                trial.restoreFrom(clean);
                long t1 = System.nanoTime();
                flips[i] = Injector.inject(trial, models.get(i), Seeds.stream(seed, rep));
                long t2 = System.nanoTime();
                long again = Injector.restoreAndInject(trial, clean, models.get(i), Seeds.stream(seed, rep));
                long t3 = System.nanoTime();
                if (again != flips[i]) {
                    throw new IllegalStateException(models.get(i).name() + ": one-pass trial flipped " + again
                            + " bits, copy then inject " + flips[i]);
                }
                copy[i][rep] = t1 - t0;
                inject[i][rep] = t2 - t1;
                fused[i][rep] = t3 - t2;
            }
        }
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            out.add(new Result(8L * clean.size(), models.get(i).name(), flips[i], median(copy[i]), median(inject[i]),
                    median(fused[i])));
        }
        return out;
    }

    /**
     * Runs the blocked uniform sampler at BER 1e-2 on 50 kB for {@code nanos}, so that it has passed
     * its scalar phase and the JIT has compiled its vector kernel before anything is timed; at low
     * BER a measurement's own warm-up draws too few gaps for that.
     */
    public static void warmUpBlockedSampler(long nanos) {
        UniformErrorModel model = new UniformErrorModel(1e-2, UniformErrorModel.Sampler.BLOCKED);
        MemoryRegion region = MemoryRegion.of(new byte[50_000]);
        long start = System.nanoTime();
        for (long t = 0; System.nanoTime() - start < nanos; t++) {
            model.inject(region, Seeds.stream(-1, t));
        }
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
}
