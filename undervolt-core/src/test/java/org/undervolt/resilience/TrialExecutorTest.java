package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.Mlp;

/**
 * The seam a Spark runner plugs into: trials shipped to "another JVM" as serialised recipes and tasks
 * (here: Java serialisation in and out, models rebuilt from the bytes) give a tolerance analysis whose
 * stored points equal the local run's byte for byte, in both evaluation modes, coarse, fine and combined,
 * with weights and IFMs stored (value bounds profiled on the rebuilt side).
 */
class TrialExecutorTest {
    @TempDir
    static Path dir;
    static Path model;
    static ImageDataset train;
    static ImageDataset test;

    @BeforeAll
    static void network() {
        ImageDataset all = SyntheticDatasets.separableBlobs(1700, 8, 8, 4, 5);
        train = all.slice(0, 400);
        test = all.slice(400, 1700); // 1300 images: a sequential point looks up to three times (chunks of 512)
        Sequential m = Mlp.create(new int[] {64, 12, 4}, 2);
        new Trainer(TrainConfig.defaults(3, 2)).train(m, train, (e, l, s) -> { });
        model = dir.resolve("mlp.uvnn");
        DnnModels.save(m, Map.of(), model);
    }

    /** Every task and recipe through Java serialisation; one model per recipe key, as an executor JVM keeps it. */
    static final class Shipping extends TaskTrialExecutor {
        final Map<String, TrialModel> built = new HashMap<>();
        int batches;
        int tasks;

        @Override
        public String where() {
            return "shipped";
        }

        @Override
        protected List<TrialTask.Result> run(TrialRecipe recipe, List<TrialTask> batch) {
            batches++;
            tasks += batch.size();
            TrialRecipe there = roundTrip(recipe);
            TrialModel m = built.computeIfAbsent(there.key(), k -> there.build());
            List<TrialTask.Result> out = new ArrayList<>();
            for (TrialTask t : roundTrip(new ArrayList<>(batch))) {
                out.add(t.run(m));
            }
            return roundTrip(new ArrayList<>(out));
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T o) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(o);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static Map<String, Object> run(EvaluationMode mode, TrialExecutor executor, String name) {
        var setup = new SetupSpec(Set.of(DataKind.WEIGHTS, DataKind.IFMS), "int8", "int8", "uniform", true, 1);
        var options = new ToleranceRun.Options(model, setup, new ToleranceSearch.Settings(1e-4, 1e-1, 1, 2, 3, 7), 0.01,
                Acceptance.Rule.LOWER95, true, test.size(), 100, null, dir.resolve(name), mode);
        return ToleranceRun.run(options, train, test, m -> { }, ToleranceSearch.TrialProgress.NONE, executor).json();
    }

    @ParameterizedTest
    @EnumSource(EvaluationMode.class)
    void shippedTrialsStoreTheLocalRunsPointsByteForByte(EvaluationMode mode) throws IOException {
        Map<String, Object> local = run(mode, TrialExecutor.LOCAL, "local-" + mode);
        Shipping shipping = new Shipping();
        Map<String, Object> shipped = run(mode, shipping, "shipped-" + mode);

        String points = Files.readString(dir.resolve("local-" + mode).resolve("points.json"));
        assertThat(Files.readString(dir.resolve("shipped-" + mode).resolve("points.json"))).isEqualTo(points);
        assertThat(points).contains("network@", "combination@");
        for (String key : List.of("baseline_accuracy", "coarse", "fine", "combination", "nonfinite_outputs")) {
            assertThat(shipped.get(key)).as(key).isEqualTo(local.get(key));
        }
        assertThat(local.get("runner")).isEqualTo("local");
        assertThat(shipped.get("runner")).isEqualTo("shipped");
        // every point went through the executor: a full point is one batch, a sequential one a batch per look
        assertThat(shipping.batches).isPositive();
        if (mode == EvaluationMode.SEQUENTIAL) {
            assertThat(points).contains("\"settled_early\"");
            assertThat(shipping.tasks % 3).isZero();
        } else {
            assertThat(shipping.tasks).isEqualTo(3 * shipping.batches);
        }
    }

    @Test
    void sparkWithoutTheModuleSaysWhatToBuild() {
        assertThat(TrialExecutors.open(null)).isSameAs(TrialExecutor.LOCAL);
        assertThatThrownBy(() -> TrialExecutors.open("local[2]")).isInstanceOf(InvalidInputException.class)
                .hasMessage("--spark local[2]: the Spark runner (module undervolt-spark) is not on the class path; build it "
                        + "with './mvnw -B -pl undervolt-spark -am package -DskipTests', then run ./undervolt with --spark "
                        + "again (the launcher adds it)");
    }
}
