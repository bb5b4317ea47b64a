package org.undervolt.usecase;

import java.util.List;

/**
 * What an injection benchmark measured; its components are the JSON keys of {@code errors bench --json}, in order
 * (snake_case).
 *
 * @param format the storage format, as named in the request
 * @param model  the error model, as named in the request
 * @param reps   timed repetitions per point
 * @param timing how the times were taken
 * @param points one per size, BER and model, in the order measured
 */
public record InjectionBenchResult(String format, String model, int reps, String timing, List<Point> points) {
    /** How the times are taken: {@link InjectionBenchUseCase}'s words for them. */
    public static final String TIMING = "in process, after warm-up; ratio = injection after a copy over the copy, same process";

    /**
     * One size, BER and model (the uniform model's sampler, or {@code -}).
     *
     * @param flips      bits flipped by one injection
     * @param copyMs     copying the image
     * @param injectMs   injecting after the copy
     * @param ratio      injection over copy
     * @param trialMs    a copy with the flips applied on the way (one trial)
     * @param trialExtra the trial's time over the copy's, minus one
     */
    public record Point(long bits, double ber, String sampler, long flips, double copyMs, double injectMs, double ratio,
            double trialMs, double trialExtra) {
    }
}
