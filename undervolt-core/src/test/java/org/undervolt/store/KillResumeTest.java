package org.undervolt.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with {@code destroyForcibly} (SIGKILL) at arbitrary moments leaves a consistent store,
 * and resuming it gives exactly the result of an uninterrupted run, with no trial recorded twice.
 */
class KillResumeTest {
    private static final int TOTAL = SyntheticSweep.GRID.length * SyntheticSweep.TRIALS;

    private static Process child(Path db, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SyntheticSweep.class.getName(), db.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(db.resolveSibling(db.getFileName() + ".child.log").toFile()).start();
    }

    /** Trials recorded so far in the store's first run (0 while the child is still starting). */
    private static long recorded(Path db) {
        if (!Files.exists(db)) {
            return 0;
        }
        try (ResultsStore s = ResultsStore.open(db)) {
            return s.runs().isEmpty() ? 0 : s.trials().count(s.runs().get(s.runs().size() - 1).id());
        } catch (RuntimeException e) {
            return 0; // the child may be creating the schema right now
        }
    }

    private static void killAfter(Process p, Path db, long trials) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (recorded(db) < trials) {
            assertThat(p.isAlive()).as("child ended before it was killed: see " + db + ".child.log").isTrue();
            assertThat(System.nanoTime()).as("child too slow").isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).isTrue();
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSweepKilledTwiceAndResumedEqualsAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("killed.db");
        killAfter(child(db, "20"), db, 150); // 20 ms a trial: seconds of slack for a slow poller
        long afterFirst;
        long runId;
        try (ResultsStore s = ResultsStore.open(db)) {
            RunRecord run = s.runs().get(0);
            runId = run.id();
            assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
            afterFirst = s.trials().count(runId);
            assertThat(afterFirst).isBetween(150L, (long) TOTAL - 1);
        }
        killAfter(child(db, "20"), db, afterFirst + 200);
        long afterSecond = recorded(db);

        SyntheticSweep.Outcome resumed = SyntheticSweep.run(db, 0);
        assertThat(resumed.runId()).as("the unfinished run with the same configuration is resumed").isEqualTo(runId);
        assertThat(resumed.reused()).as("finished trials are not evaluated again").isEqualTo((int) afterSecond);
        assertThat(resumed.recorded()).isEqualTo(TOTAL - (int) afterSecond);

        Path clean = tmp.resolve("clean.db");
        SyntheticSweep.Outcome uninterrupted = SyntheticSweep.run(clean, 0);
        assertThat(uninterrupted.recorded()).isEqualTo(TOTAL);
        long reference = uninterrupted.runId();
        try (ResultsStore s = ResultsStore.open(db); ResultsStore r = ResultsStore.open(clean)) {
            assertThat(s.runs()).hasSize(1);
            assertThat(s.run(runId).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(s.trials().count(runId)).isEqualTo(TOTAL);
            assertThat(s.trials().done(runId)).isEqualTo(r.trials().done(reference));
            List<CurveRow> got = s.curves().get(runId, "accuracy");
            assertThat(got).hasSize(SyntheticSweep.GRID.length).isEqualTo(r.curves().get(reference, "accuracy"));
            List<TrialRow> a = new ArrayList<>();
            List<TrialRow> b = new ArrayList<>();
            s.trials().forEach(runId, a::add);
            r.trials().forEach(reference, b::add);
            assertThat(a).isEqualTo(b); // same trials, same accuracies bit for bit, same recording order
        }
    }

    @Test
    void aTransactionCutByAKillLeavesNoPartOfItself(@TempDir Path tmp) throws Exception {
        int batch = 500;
        Path db = tmp.resolve("batches.db");
        killAfter(child(db, "batches", String.valueOf(batch)), db, 3L * batch);
        try (ResultsStore s = ResultsStore.open(db)) {
            long n = s.trials().count(s.runs().get(0).id());
            assertThat(n).isGreaterThanOrEqualTo(3L * batch);
            assertThat(n % batch).as("trials recorded: " + n).isZero();
            assertThat(s.schemaVersion()).isEqualTo(ResultsStore.latestSchemaVersion());
        }
        assertThat(new File(db + ".child.log")).exists();
    }
}
