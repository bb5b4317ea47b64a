package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.data.DataSource;
import org.undervolt.data.IdxWriter;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunStatus;

class RecordedDemoTest {
    private static final int POINTS = 4;
    private static final int TRIALS = 3;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void writeTinyDataSet() {
        ImageDataset all = SyntheticDatasets.separableBlobs(500, 8, 8, 4, 13);
        IdxWriter.write(all.slice(0, 350), dataDir.resolve("train-images-idx3-ubyte"),
                dataDir.resolve("train-labels-idx1-ubyte"), false);
        IdxWriter.write(all.slice(350, 500), dataDir.resolve("t10k-images-idx3-ubyte"),
                dataDir.resolve("t10k-labels-idx1-ubyte"), false);
    }

    private static DemoConfig config(int trials) {
        return new DemoConfig(DataSource.of("mnist", dataDir), new int[] {12}, 2, 9, trials, 1e-4, 1e-1, 1, 0.01,
                "int8", "LPDDR3-1600_4Gb_x32", "quadratic", null, 0, false, dataDir.resolve("cache"));
    }

    /** A log that throws at the {@code n}-th finished BER point, as a crash in the middle of the sweep. */
    private static Consumer<String> crashAtPoint(int n) {
        AtomicInteger points = new AtomicInteger();
        return msg -> {
            if (msg.startsWith("sweep [") && points.incrementAndGet() == n) {
                throw new IllegalStateException("simulated crash");
            }
        };
    }

    @Test
    void anInterruptedRunResumesAutomaticallyAndEqualsAnUninterruptedOne(@TempDir Path tmp) {
        Path db = tmp.resolve("u.db");
        RecordedDemo.Outcome clean = new RecordedDemo(config(TRIALS), tmp.resolve("clean.db"), OptionalLong.empty(),
                false, m -> { }).run();

        assertThatThrownBy(() -> new RecordedDemo(config(TRIALS), db, OptionalLong.empty(), false, crashAtPoint(2))
                .run()).hasMessage("simulated crash");
        try (ResultsStore s = ResultsStore.open(db)) {
            assertThat(s.runs()).hasSize(1);
            assertThat(s.run(1).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
            assertThat(s.trials().count(1)).isEqualTo(2L * TRIALS);
        }

        RecordedDemo.Outcome resumed = new RecordedDemo(config(TRIALS), db, OptionalLong.empty(), false, m -> { })
                .run();
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.runId()).hasValue(1);
        assertThat(resumed.reusedTrials()).isEqualTo(2 * TRIALS);
        assertThat(resumed.result().curve()).isEqualTo(clean.result().curve());
        assertThat(resumed.result().tolerableBer()).isEqualTo(clean.result().tolerableBer());
        assertThat(resumed.result().energyChosenJ()).isEqualTo(clean.result().energyChosenJ());

        try (ResultsStore s = ResultsStore.open(db)) {
            assertThat(s.runs()).hasSize(1);
            assertThat(s.run(1).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(s.trials().count(1)).isEqualTo((long) POINTS * TRIALS);
            assertThat(s.curves().get(1, "accuracy_vs_ber")).hasSize(POINTS);
            assertThat(s.energy().get(1)).hasSize(2);
            assertThat(s.run(1).orElseThrow().summary().orElseThrow()).contains("\"tolerable_ber\"");
        }

        // finished: the same command reuses it whole, every trial from the store; --new-run starts a new run
        RecordedDemo.Outcome again = new RecordedDemo(config(TRIALS), db, OptionalLong.empty(), false, m -> { }).run();
        assertThat(again.runId()).hasValue(1);
        assertThat(again.resumed()).isTrue();
        assertThat(again.reusedTrials()).isEqualTo(POINTS * TRIALS);
        assertThat(again.result().curve()).isEqualTo(clean.result().curve());
        RecordedDemo.Outcome fresh = new RecordedDemo(config(TRIALS), db, OptionalLong.empty(), true, m -> { }).run();
        assertThat(fresh.runId()).hasValue(2);
        assertThat(fresh.resumed()).isFalse();
        assertThat(fresh.result().curve()).isEqualTo(clean.result().curve());
    }

    @Test
    void theRunFolderIsRecordedWhenTheRunStartsSoAKilledRunShowsIt(@TempDir Path tmp) {
        Path db = tmp.resolve("u.db");
        Path folder = tmp.resolve("runs/first");
        // crashes at the first finished BER point: the run never completes
        assertThatThrownBy(() -> new RecordedDemo(config(TRIALS), db, OptionalLong.empty(), false, folder,
                crashAtPoint(1)).run()).hasMessage("simulated crash");
        try (ResultsStore s = ResultsStore.open(db)) {
            assertThat(s.run(1).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
            assertThat(s.run(1).orElseThrow().folder()).hasValue(folder.toAbsolutePath().normalize().toString());
        }
        // resumed into another folder: the run now points at the folder its files are written to
        Path second = tmp.resolve("runs/second");
        new RecordedDemo(config(TRIALS), db, OptionalLong.empty(), false, second, m -> { }).run();
        try (ResultsStore s = ResultsStore.open(db)) {
            assertThat(s.runs()).hasSize(1);
            assertThat(s.run(1).orElseThrow().folder()).hasValue(second.toAbsolutePath().normalize().toString());
        }
        // the finished run reused by a rerun: it keeps the folder its files were written to
        new RecordedDemo(config(TRIALS), db, OptionalLong.empty(), false, tmp.resolve("runs/third"), m -> { }).run();
        try (ResultsStore s = ResultsStore.open(db)) {
            assertThat(s.runs()).hasSize(1);
            assertThat(s.run(1).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(s.run(1).orElseThrow().folder()).hasValue(second.toAbsolutePath().normalize().toString());
        }
    }

    @Test
    void resumingNamesARunWithTheSameConfigurationOrFailsEarly(@TempDir Path tmp) {
        Path db = tmp.resolve("u.db");
        assertThatThrownBy(() -> new RecordedDemo(config(TRIALS), db, OptionalLong.of(1), false, m -> { }).run())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no results store at");
        assertThatThrownBy(() -> new RecordedDemo(config(TRIALS), db, OptionalLong.empty(), false, crashAtPoint(1))
                .run()).hasMessage("simulated crash");
        assertThatThrownBy(() -> new RecordedDemo(config(TRIALS + 1), db, OptionalLong.of(1), false, m -> { }).run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--resume 1: run 1 was made with a different configuration (differs in: trials)");
        assertThatThrownBy(() -> new RecordedDemo(config(TRIALS), db, OptionalLong.of(7), false, m -> { }).run())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--resume 7: no such run");

        // --new-run ignores the unfinished run; --resume 1 then picks it up
        assertThat(new RecordedDemo(config(TRIALS), db, OptionalLong.empty(), true, m -> { }).run().runId())
                .hasValue(2);
        RecordedDemo.Outcome r = new RecordedDemo(config(TRIALS), db, OptionalLong.of(1), false, m -> { }).run();
        assertThat(r.runId()).hasValue(1);
        assertThat(r.reusedTrials()).isEqualTo(TRIALS);
    }

    /** The store knows a demo by its settings under their old names (preset, scaling): runs recorded before the rename match. */
    @Test
    void theRunIdentityKeepsTheKeysRunsWereRecordedUnder() {
        String identity = config(3).identity();
        assertThat(identity).contains("\"preset\":\"LPDDR3-1600_4Gb_x32\"").contains("\"scaling\":\"quadratic\"")
                .doesNotContain("\"part\"").doesNotContain("energy_law");
        assertThat(config(3).describe()).containsEntry("part", "LPDDR3-1600_4Gb_x32").containsEntry("energy_law", "quadratic");
    }

    @Test
    void badInputNeverCreatesAStore(@TempDir Path tmp) {
        Path db = tmp.resolve("u.db");
        DemoConfig bad = new DemoConfig(DataSource.of("mnist", dataDir), new int[] {12}, 2, 9, TRIALS, 1e-4, 1e-1, 1,
                0.01, "int9", "LPDDR3-1600_4Gb_x32", "quadratic", null, 0, false, dataDir.resolve("cache"));
        assertThatThrownBy(() -> new RecordedDemo(bad, db, OptionalLong.empty(), false, m -> { }).run())
                .isInstanceOf(InvalidInputException.class);
        assertThat(db).doesNotExist();
    }
}
