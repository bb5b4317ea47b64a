package org.undervolt.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.store.ResultsStore;

/**
 * A sweep of 100,000 trials streams its results (issue 11): run in a child JVM whose whole heap
 * ({@value #HEAP_MB} MiB) is far smaller than what keeping a result object per trial in memory
 * would take, every trial lands in the results store as it finishes, and the curve the sweep
 * reports agrees with the store. (Streaming the export itself is {@code store.StreamingExportTest}.)
 */
class BoundedSweepMemoryTest {
    private static final int HEAP_MB = 16;
    private static final int POINTS = 10;
    private static final int TRIALS = 10_000;

    @Test
    void hundredThousandTrialsRunInASmallHeap(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("sweep.db");
        Path log = tmp.resolve("driver.log");
        ChildJvm child = ChildJvm.start(log, List.of("-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError"),
                SweepMemoryDriver.class, List.of(db.toString(), String.valueOf(POINTS), String.valueOf(TRIALS)));
        int exit = child.waitFor(240);
        List<String> lines = child.lines();
        assertThat(exit).as(String.join("\n", lines)).isZero();
        assertThat(lines).last().asString().startsWith("recorded " + POINTS * TRIALS + " run ");

        long run = Long.parseLong(lines.get(lines.size() - 1).replaceAll(".* run ", ""));
        try (ResultsStore store = ResultsStore.open(db)) {
            assertThat(store.trials().count(run)).isEqualTo((long) POINTS * TRIALS);
            // The mean of the first point, recomputed from the stored rows, equals the one printed.
            double ber = Double.parseDouble(lines.get(0).split(" ")[0]);
            double[] sum = {0};
            long[] n = {0};
            store.trials().forEach(run, r -> {
                if (r.key().trial() < TRIALS && r.key().point().equals(org.undervolt.store.PointKeys.ber(ber))) {
                    sum[0] += r.accuracy();
                    n[0]++;
                }
            });
            assertThat(n[0]).isEqualTo(TRIALS);
            assertThat(sum[0] / n[0]).isCloseTo(Double.parseDouble(lines.get(0).split(" ")[1]),
                    org.assertj.core.data.Offset.offset(1e-12));
        }
    }
}
