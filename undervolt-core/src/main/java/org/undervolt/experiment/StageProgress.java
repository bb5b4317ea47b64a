package org.undervolt.experiment;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.io.ProgressReporter;
import org.undervolt.resilience.ToleranceSearch;
import org.undervolt.resilience.WorkProgress;

/**
 * Progress lines with a time estimate for the long stages of a pipeline, written to the pipeline's
 * log (which the CLI shows on a terminal only, and silences with {@code --quiet} and {@code --json}).
 * One {@link ProgressReporter} per job: a training run, or the tolerance search of one target. The
 * {@code tolerance} and {@code retrain} commands use it the same way.
 */
public final class StageProgress {
    private final Consumer<String> log;
    private final double intervalSeconds;

    /** @param intervalSeconds least time between two lines of one job */
    public StageProgress(Consumer<String> log, double intervalSeconds) {
        this.log = log;
        this.intervalSeconds = intervalSeconds;
    }

    public StageProgress(Consumer<String> log) {
        this(log, ProgressReporter.DEFAULT_INTERVAL_SECONDS);
    }

    /** A job labelled {@code label}, e.g. {@code "retraining (batches)"}. */
    public WorkProgress job(String label) {
        return new ProgressReporter(label, log, intervalSeconds)::update;
    }

    /** The trials of each tolerance search of a stage, labelled {@code "<stage> <target> (trials)"}. */
    public ToleranceSearch.TrialProgress trials(String stage) {
        Map<String, WorkProgress> byTarget = new HashMap<>();
        return (target, done, skipped, total) -> byTarget
                .computeIfAbsent(target, t -> job(stage + " " + t + " (trials)")).update(done, skipped, total);
    }
}
