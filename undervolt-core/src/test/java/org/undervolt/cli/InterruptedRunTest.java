package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.reliability.ChildJvm;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A run whose process was killed (SIGKILL: it cannot mark the run) shows as {@code interrupted} in
 * {@code runs list}, while a run whose process lives shows as {@code running}; the headline figure and
 * the run folder are listed too.
 */
class InterruptedRunTest {

    /** The child: starts a run in the store given, says so, and waits to be killed. */
    public static final class StartAndWait {
        public static void main(String[] args) throws Exception {
            try (ResultsStore s = ResultsStore.open(Path.of(args[0]))) {
                long id = s.createRun("demo", "{\"seed\":7}", 7, "{}");
                s.setFolder(id, "/tmp/killed-run");
                System.out.println("started run " + id);
                System.out.flush();
            }
            Thread.sleep(120_000);
        }
    }

    @Test
    void aKilledRunIsInterruptedALiveOneRunning(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("u.db");
        try (ResultsStore s = ResultsStore.open(db)) {
            long done = s.createRun("demo", "{\"seed\":5}", 5, "{}");
            s.setStatus(done, RunStatus.FINISHED, "{\"energy_saving\":0.318,\"tolerable_ber\":0.00124}");
        }
        ChildJvm child = ChildJvm.start(tmp.resolve("child.log"), List.of(), StartAndWait.class, List.of(db.toString()));
        child.killAfter(() -> child.lines().stream().anyMatch(l -> l.startsWith("started run")), new SplittableRandom(1),
                0, 120);
        try (ResultsStore s = ResultsStore.open(db)) {
            s.createRun("demo", "{\"seed\":8}", 8, "{}"); // this (live) test process owns run 3
        }

        JsonNode runs = CliRun.of("runs", "list", "--store", db.toString(), "--json").json().get("runs");
        assertThat(runs).hasSize(3);
        assertThat(runs.get(0).get("status").asText()).isEqualTo("running");
        assertThat(runs.get(1).get("status").asText()).isEqualTo("interrupted");
        assertThat(runs.get(1).get("folder").asText()).isEqualTo("/tmp/killed-run");
        assertThat(runs.get(2).get("status").asText()).isEqualTo("finished");
        assertThat(runs.get(2).get("headline").asText()).isEqualTo("31.8 % energy saved, BER 1.24e-03");

        CliRun text = CliRun.of("runs", "list", "--store", db.toString());
        assertThat(text.out().lines().toList().get(2)).contains("interrupted").contains("/tmp/killed-run");
    }
}
