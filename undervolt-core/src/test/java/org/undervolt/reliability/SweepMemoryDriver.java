package org.undervolt.reliability;

import java.nio.file.Path;
import java.util.List;

import org.undervolt.resilience.BerSweep;
import org.undervolt.resilience.CurvePoint;
import org.undervolt.store.ResultsStore;
import org.undervolt.experiment.StoredBerTrials;

/**
 * A BER sweep with a trivial evaluator, every trial committed to a results store as it finishes;
 * run by {@link BoundedSweepMemoryTest} in a child JVM with a small heap. Prints one line per point:
 * {@code ber mean min max}.
 *
 * <p>Arguments: store file, points, trials per point.
 */
public final class SweepMemoryDriver {
    private SweepMemoryDriver() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        int points = Integer.parseInt(args[1]);
        int trials = Integer.parseInt(args[2]);
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = 1e-6 * Math.pow(10, i * 5.0 / Math.max(1, points - 1));
        }
        try (ResultsStore store = ResultsStore.open(db)) {
            long run = store.createRun("sweep-memory", "{}", 5, "{}");
            StoredBerTrials sink = new StoredBerTrials(store, run);
            List<CurvePoint> curve = new BerSweep(5, trials).run(grid, (ber, rng) -> rng.nextInt(1001) / 1000.0,
                    (i, n, p) -> { }, sink);
            for (CurvePoint p : curve) {
                System.out.println(p.ber() + " " + p.mean() + " " + p.min() + " " + p.max());
            }
            System.out.println("recorded " + sink.recorded() + " run " + run);
        }
    }
}
