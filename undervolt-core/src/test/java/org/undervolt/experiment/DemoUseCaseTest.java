package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.data.DataSource;
import org.undervolt.data.IdxWriter;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.io.Json;

/** The demo called as a library ({@link DemoUseCase}): the result it returns is the one its files hold. */
class DemoUseCaseTest {

    private static DemoConfig config(Path dir) {
        ImageDataset all = SyntheticDatasets.separableBlobs(400, 8, 8, 4, 13);
        IdxWriter.write(all.slice(0, 300), dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte"),
                false);
        IdxWriter.write(all.slice(300, 400), dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-labels-idx1-ubyte"),
                false);
        return new DemoConfig(DataSource.of("mnist", dir), new int[] {12}, 2, 9, 2, 1e-3, 1e-1, 1, 0.01, "int8",
                "LPDDR3-1600_4Gb_x32", "quadratic", null, 0, false, dir.resolve("cache"));
    }

    @Test
    void runsRecordsAndWritesItsThreeFiles(@TempDir Path tmp) throws Exception {
        DemoConfig config = config(tmp.resolve("data"));
        Path out = tmp.resolve("out");
        DemoRunResult run = DemoUseCase.run(new DemoRequest(config, tmp.resolve("u.db"), OptionalLong.empty(), false, out,
                s -> { }));
        assertThat(run.runId()).hasValue(1);
        assertThat(run.reusedTrials()).isZero();
        assertThat(run.network()).isEqualTo("custom mlp, hidden 12");
        assertThat(run.result().curve()).hasSize(3);
        assertThat(Files.readString(run.resultFile())).isEqualTo(Json.write(run.json()) + "\n");
        assertThat(run.json()).containsEntry("run_id", 1L).containsEntry("store", tmp.resolve("u.db").toString())
                .containsEntry("reused_trials", 0).containsEntry("network", "custom mlp, hidden 12");
        assertThat(Files.readString(run.reportFile())).contains("Undervolt demo — run 1");
        assertThat(Files.size(run.plotFile())).isGreaterThan(1000);
        assertThat(run.resultFile().getParent()).isEqualTo(out);

        // the same request again reuses the finished run: every trial from the store, the same figures
        DemoRunResult again = DemoUseCase.run(new DemoRequest(config, tmp.resolve("u.db"), OptionalLong.empty(), false,
                tmp.resolve("out2"), s -> { }));
        assertThat(again.runId()).hasValue(1);
        assertThat(again.reusedTrials()).isEqualTo(6);
        assertThat(again.result().curve()).isEqualTo(run.result().curve());
    }

    @Test
    void aRequestThatContradictsItselfIsRefusedBeforeAnyWork(@TempDir Path tmp) {
        DemoConfig config = config(tmp.resolve("data"));
        assertThatThrownBy(() -> new DemoRequest(config, tmp.resolve("u.db"), OptionalLong.of(1), true, tmp, s -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessage("--resume and --new-run contradict each other: give one");
        assertThatThrownBy(() -> new DemoRequest(config, null, OptionalLong.of(1), false, tmp, s -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a results store");
        assertThat(tmp.resolve("u.db")).doesNotExist();
    }
}
