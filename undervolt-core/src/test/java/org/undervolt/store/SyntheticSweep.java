package org.undervolt.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.undervolt.experiment.StoredBerTrials;
import org.undervolt.resilience.BerGrid;
import org.undervolt.resilience.BerSweep;
import org.undervolt.resilience.CurvePoint;

/**
 * A resumable sweep with a tiny synthetic evaluator instead of a network, run in a child JVM by the
 * kill-and-resume tests. {@code main(db, sleepMs)} resumes the unfinished run of this configuration
 * (or starts one), sweeps, stores the curve and marks the run finished; {@code main(db, "batches", n)}
 * records trials in transactions of {@code n} rows forever.
 */
public final class SyntheticSweep {
    static final double[] GRID = BerGrid.logarithmic(1e-6, 1e-1, 4); // 21 points
    static final int TRIALS = 40;
    static final long SEED = 2024;
    static final String CONFIG = "{\"evaluator\":\"synthetic\",\"grid\":\"1e-6..1e-1/4\",\"trials\":" + TRIALS
            + ",\"seed\":" + SEED + "}";

    private SyntheticSweep() {
    }

    /** Accuracy falls with BER plus trial noise; all randomness from the trial's stream. */
    static double accuracy(double ber, SplittableRandom rng, long sleepMs) {
        if (sleepMs > 0) {
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double a = 0.98 / (1 + 300 * ber) + 0.01 * rng.nextGaussian();
        return Math.max(0, Math.min(1, a));
    }

    /** What one invocation did: the run, trials found finished, trials evaluated. */
    record Outcome(long runId, int reused, int recorded) {
    }

    /** Resumes or starts the run in {@code db}. */
    static Outcome run(Path db, long sleepMs) {
        try (ResultsStore store = ResultsStore.open(db)) {
            long id = store.latestUnfinished("synthetic", CONFIG).map(RunRecord::id)
                    .orElseGet(() -> store.createRun("synthetic", CONFIG, SEED, "{}"));
            StoredBerTrials trials = new StoredBerTrials(store, id);
            List<CurvePoint> curve = new BerSweep(SEED, TRIALS).run(GRID, (ber, rng) -> accuracy(ber, rng, sleepMs),
                    (i, n, p) -> { }, trials);
            List<CurveRow> rows = new ArrayList<>();
            for (CurvePoint p : curve) {
                rows.add(new CurveRow(p.ber(), p.mean(), p.mean() - p.ci95HalfWidth(), p.mean() + p.ci95HalfWidth(),
                        p.trials(), null));
            }
            store.curves().put(id, "accuracy", rows);
            store.setStatus(id, RunStatus.FINISHED, "{\"points\":" + curve.size() + "}");
            return new Outcome(id, trials.reused(), trials.recorded());
        }
    }

    /** Records synthetic trials in transactions of {@code batch} rows until killed. */
    static void batches(Path db, int batch) {
        try (ResultsStore store = ResultsStore.open(db)) {
            long id = store.createRun("batches", "{}", 0, "{}");
            for (int b = 0;; b++) {
                List<TrialRow> rows = new ArrayList<>(batch);
                for (int t = 0; t < batch; t++) {
                    rows.add(new TrialRow(new TrialKey("batch=" + b, t), new long[] {b, t}, t / (double) batch));
                }
                store.trials().recordAll(id, rows);
            }
        }
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        if (args[1].equals("batches")) {
            batches(db, Integer.parseInt(args[2]));
        } else {
            System.out.println(run(db, Long.parseLong(args[1])).runId());
        }
    }
}
