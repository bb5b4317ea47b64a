package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.Split;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.resilience.BerSweep;
import org.undervolt.resilience.CurvePoint;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.NetworkEvaluator;
import org.undervolt.resilience.NetworkFaults;
import org.undervolt.resilience.StorageSetup;
import org.undervolt.resilience.TrialStore;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.TrialKey;

class SweepRunnerTest {
    static final DatasetRef DATA = new DatasetRef("synthetic:120:8x8:4:7");
    static byte[] checkpoint;

    @BeforeAll
    static void train() throws IOException {
        ImageDataset train = DATA.load(Split.TRAIN);
        Sequential m = Mlp.create(new int[] {64, 16, 4}, 3);
        new Trainer(TrainConfig.defaults(20, 3)).train(m, train, (e, loss, s) -> { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Checkpoint.write(m, Map.of(), out);
        checkpoint = out.toByteArray();
    }

    static SweepSpec spec(List<String> models, double[] bers, int trials) {
        return new SweepSpec(List.of(new SweepNetwork("mlp", checkpoint)), DATA, 120, 60, models, bers, trials, 11,
                Set.of(DataKind.WEIGHTS), "int8", "int8", false, 5);
    }

    @Test
    void threadCountDoesNotChangeAnyTrial() {
        SweepSpec s = spec(List.of("uniform", "bitline:0.5"), new double[] {0, 2e-2, 0.2}, 3);
        List<TrialOutcome> one = new LocalSweepRunner(1).run(s);
        List<TrialOutcome> three = new LocalSweepRunner(3).run(s);
        assertThat(one).hasSize(18).isEqualTo(three);
        // Real measurements: the trained net separates the blobs; BER 0.2 in int8 weights wrecks it.
        double clean = one.stream().filter(o -> o.ber() == 0).mapToDouble(TrialOutcome::accuracy).min().orElseThrow();
        double high = one.stream().filter(o -> o.ber() == 0.2).mapToDouble(TrialOutcome::accuracy).average().orElseThrow();
        assertThat(clean).isGreaterThan(0.9);
        assertThat(high).isLessThan(clean - 0.3);
        assertThat(one.stream().map(TrialOutcome::accuracy).distinct().count()).isGreaterThan(3);
    }

    @Test
    void aOneModelSweepReproducesBerSweep() {
        double[] bers = {1e-3, 3e-2};
        SweepSpec s = spec(List.of("uniform"), bers, 4);
        List<TrialOutcome> got = new LocalSweepRunner(2).run(s);
        Sequential model = s.networks().get(0).load();
        StorageSetup setup = s.setup("uniform").build(model);
        NetworkEvaluator ev = new NetworkEvaluator(model, new NetworkFaults(model, setup, null),
                DATA.load(Split.TEST).slice(0, 120));
        List<CurvePoint> curve = new BerSweep(11, 4).run(bers, ev.at(setup::uniform), (i, n, p) -> { }, TrialStore.NONE);
        for (TrialOutcome o : got) {
            int p = o.ber() == bers[0] ? 0 : 1;
            assertThat(o.accuracy()).isEqualTo(curve.get(p).accuracies()[o.trial()]);
        }
    }

    static SweepSpec seeded(long[] seeds, List<String> models, double[] bers, int trials) {
        return new SweepSpec(List.of(new SweepNetwork("mlp", checkpoint)), DATA, 120, 60, models, bers, trials, seeds[0],
                Set.of(DataKind.WEIGHTS), "int8", "int8", false, 5, "bers", seeds);
    }

    @Test
    void oneSeedIsTheSpecWithoutASeedsAxis() {
        SweepSpec old = spec(List.of("uniform"), new double[] {1e-2}, 2);
        SweepSpec one = seeded(new long[] {11}, List.of("uniform"), new double[] {1e-2}, 2);
        assertThat(one).isEqualTo(old);
        assertThat(one.seedKeyed()).isFalse();
        assertThat(one.describe()).doesNotContainKey("seeds").containsEntry("seed", 11L)
                .containsEntry("seed_ids", "(bits(ber), trial), shared by networks and error models");
        assertThat(((List<?>) one.describe().get("networks")).get(0)).isEqualTo(Map.of("name", "mlp", "sha256",
                one.networks().get(0).sha256()));
        SweepTask t = one.tasks().get(1);
        assertThat(t).isEqualTo(new SweepTask(1, 0, 0, 0, 0, 1));
        assertThat(one.pointKey(t)).isEqualTo("network=mlp;error_model=uniform;ber=0.01");
        // The stream of a trial is BerSweep's: Seeds.stream(seed, bits(ber), trial).
        assertThat(one.stream(t).nextLong()).isEqualTo(new BerSweep(11, 2).trialStream(1e-2, 1).nextLong());
        assertThat(new LocalSweepRunner(1).run(one)).isEqualTo(new LocalSweepRunner(1).run(old));
    }

    @Test
    void eachSeedIsAnIndependentMasterSeed(@TempDir Path dir) {
        List<String> models = List.of("uniform", "bitline:0.5");
        double[] bers = {0, 3e-2};
        SweepSpec both = seeded(new long[] {11, 12}, models, bers, 3);
        assertThat(both.taskCount()).isEqualTo(24);
        List<TrialOutcome> got = new LocalSweepRunner(1).run(both);
        assertThat(new LocalSweepRunner(3).run(both)).isEqualTo(got);
        for (long seed : new long[] {11, 12}) {
            List<TrialOutcome> alone = new LocalSweepRunner(2).run(seeded(new long[] {seed}, models, bers, 3));
            List<TrialOutcome> mine = got.stream().filter(o -> o.seed() == seed).toList();
            assertThat(mine).hasSize(12);
            for (int i = 0; i < 12; i++) {
                TrialOutcome a = alone.get(i);
                TrialOutcome b = mine.get(i);
                assertThat(List.of(b.network(), b.errorModel(), b.ber(), b.trial(), b.accuracy()))
                        .isEqualTo(List.of(a.network(), a.errorModel(), a.ber(), a.trial(), a.accuracy()));
                assertThat(b.pointKey()).isEqualTo(a.pointKey() + ";seed=" + seed);
            }
        }
        // The two seeds draw different errors: at BER 3e-2 their trials are not all equal.
        List<Double> at11 = got.stream().filter(o -> o.ber() > 0 && o.seed() == 11).map(TrialOutcome::accuracy).toList();
        List<Double> at12 = got.stream().filter(o -> o.ber() > 0 && o.seed() == 12).map(TrialOutcome::accuracy).toList();
        assertThat(at11).isNotEqualTo(at12);
        assertThat(both.describe()).containsEntry("seeds", List.of(11L, 12L)).containsEntry("seed", 11L);

        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db"))) {
            long run = SweepResults.createRun(store, both);
            assertThat(SweepResults.record(store, run, got)).isEqualTo(24);
            assertThat(SweepResults.finishIfComplete(store, run, both)).isTrue();
            TrialOutcome last = got.get(23);
            assertThat(last.pointKey()).isEqualTo("network=mlp;error_model=bitline:0.5;ber=0.03;seed=12");
            assertThat(store.trials().accuracy(run, new TrialKey(last.pointKey(), 2))).hasValue(last.accuracy());
        }
    }

    @Test
    void seedsAreReadFromTheSpecFile(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("net.uvnn"), checkpoint);
        String head = "{\"networks\":[{\"name\":\"mlp\",\"checkpoint\":\"net.uvnn\"}],"
                + "\"dataset\":\"synthetic:120:8x8:4:7\",\"test_images\":120,\"profile_images\":60,"
                + "\"error_models\":[\"uniform\"],\"bers\":[0.01],\"trials\":2,\"device_seed\":5,";
        Path f = dir.resolve("s.json");
        Files.writeString(f, head + "\"seeds\":[11]}");
        assertThat(SweepSpecReader.read(f)).isEqualTo(spec(List.of("uniform"), new double[] {0.01}, 2));
        Files.writeString(f, head + "\"seeds\":[11,-4,7]}");
        SweepSpec three = SweepSpecReader.read(f);
        assertThat(three.seeds()).containsExactly(11, -4, 7);
        assertThat(three.seed()).isEqualTo(11);
        assertThat(three.taskCount()).isEqualTo(6);
        Files.writeString(f, head + "\"seeds\":[11],\"seed\":11}");
        assertThatThrownBy(() -> SweepSpecReader.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exactly one of 'seed'");
        Files.writeString(f, head + "\"seeds\":[3,3]}");
        assertThatThrownBy(() -> SweepSpecReader.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("repeats a seed");
        Files.writeString(f, head + "\"seeds\":[1.5]}");
        assertThatThrownBy(() -> SweepSpecReader.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("seeds: expected integers");
        Files.writeString(f, head + "\"seeds\":[]}");
        assertThatThrownBy(() -> SweepSpecReader.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'seeds' must be a non-empty array");
    }

    @Test
    void outcomesLandInTheStoreOnceEach(@TempDir Path dir) {
        SweepSpec s = spec(List.of("uniform"), new double[] {1e-2}, 2);
        List<TrialOutcome> got = new LocalSweepRunner(1).run(s);
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db"))) {
            long run = SweepResults.createRun(store, s);
            assertThat(SweepResults.record(store, run, got)).isEqualTo(2);
            assertThat(SweepResults.record(store, run, got)).isZero();
            assertThat(SweepResults.finishIfComplete(store, run, s)).isTrue();
            assertThat(store.trials().accuracy(run, new TrialKey("network=mlp;error_model=uniform;ber=0.01", 1)))
                    .hasValue(got.get(1).accuracy());
        }
    }

    @Test
    void specFileIsReadWithItsCheckpoint(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("net.uvnn"), checkpoint);
        Files.writeString(dir.resolve("s.json"), "{\"networks\":[{\"name\":\"mlp\",\"checkpoint\":\"net.uvnn\"}],"
                + "\"dataset\":\"synthetic:120:8x8:4:7\",\"test_images\":120,\"profile_images\":60,"
                + "\"error_models\":[\"uniform\"],\"bers\":[0.01],\"trials\":2,\"seed\":11,\"device_seed\":5}");
        SweepSpec read = SweepSpecReader.read(dir.resolve("s.json"));
        assertThat(read).isEqualTo(spec(List.of("uniform"), new double[] {0.01}, 2));
    }

    /**
     * A network entry's key says what it is: {@code label}, the name its results are reported under (the point keys'
     * {@code network=}); {@code name} is its earlier spelling and reads the same spec. Anything else in an entry is
     * one line naming the entry, the key and the two keys expected.
     */
    @Test
    void aNetworkIsALabelAndItsFile(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("net.uvnn"), checkpoint);
        String rest = "\"dataset\":\"synthetic:120:8x8:4:7\",\"test_images\":120,\"profile_images\":60,"
                + "\"error_models\":[\"uniform\"],\"bers\":[0.01],\"trials\":2,\"seed\":11,\"device_seed\":5}";
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"networks\":[{\"label\":\"mlp\",\"checkpoint\":\"net.uvnn\"}]," + rest);
        SweepSpec read = SweepSpecReader.read(f);
        assertThat(read).isEqualTo(spec(List.of("uniform"), new double[] {0.01}, 2));
        assertThat(read.pointKey(read.tasks().get(0))).isEqualTo("network=mlp;error_model=uniform;ber=0.01");
        Files.writeString(f, "{\"networks\":[{\"name\":\"mlp\",\"checkpoint\":\"net.uvnn\"}]," + rest);
        assertThat(SweepSpecReader.read(f)).isEqualTo(read);
        Files.writeString(f, "{\"networks\":[{\"label\":\"a\",\"checkpoint\":\"net.uvnn\"},"
                + "{\"network\":\"lenet5\",\"checkpoint\":\"net.uvnn\"}]," + rest);
        assertThatThrownBy(() -> SweepSpecReader.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessage("sweep spec " + f + ": networks[1]: unknown key 'network'; expected 'label' (the name its "
                        + "results are reported under) and 'checkpoint' (the network's file, a DNN checkpoint or an SNN "
                        + "model, which says what network it is)");
        Files.writeString(f, "{\"networks\":[{\"label\":\"a\",\"name\":\"b\",\"checkpoint\":\"net.uvnn\"}]," + rest);
        assertThatThrownBy(() -> SweepSpecReader.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessage("sweep spec " + f + ": networks[0]: give 'label' or its earlier spelling 'name', not both");
        Files.writeString(f, "{\"networks\":[\"mlp\"]," + rest);
        assertThatThrownBy(() -> SweepSpecReader.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("networks[0]: expected an object such as {\"label\": \"mlp\", \"checkpoint\": "
                        + "\"mlp.uvnn\"}, got \"mlp\"");
        Files.writeString(f, "{\"networks\":[{\"checkpoint\":\"net.uvnn\"}]," + rest);
        assertThatThrownBy(() -> SweepSpecReader.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'label' must be a non-empty string");
    }

    /**
     * The description stored with a run (its identity in the results store, as canonical JSON) pinned to the byte:
     * a DNN and an SNN entry, a seeds axis, and the one-seed description without it.
     */
    @Test
    void theStoredDescriptionIsPinned() throws IOException {
        SweepSpec both = new SweepSpec(List.of(new SweepNetwork("mlp", checkpoint),
                new SweepNetwork("snn", org.undervolt.experiment.TinySnn.model())), DATA, 120, 60,
                List.of("uniform", "bitline:0.5"), new double[] {0, 1e-3}, 2, 11, Set.of(DataKind.WEIGHTS), "int8", "int8",
                false, 5, "bers", new long[] {11, 12});
        SweepSpec one = spec(List.of("uniform"), new double[] {0.01}, 2);
        Map<String, Object> pinned = new java.util.LinkedHashMap<>();
        pinned.put("two_seeds", both.describe());
        pinned.put("two_seeds_canonical", org.undervolt.io.Json.canonical(both.describe()));
        pinned.put("one_seed", one.describe());
        pinned.put("one_seed_canonical", org.undervolt.io.Json.canonical(one.describe()));
        org.undervolt.io.JsonPins.assertPinned("sweep-description", pinned);
    }

    @Test
    void voltagePointsBecomeBersThroughTheTable(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("net.uvnn"), checkpoint);
        Files.writeString(dir.resolve("t.csv"), "# nominal_vdd_v: 1.35\nvdd_v,ber\n1.0,1e-2\n1.2,1e-4\n1.35,0\n");
        Files.writeString(dir.resolve("s.json"), "{\"networks\":[{\"name\":\"mlp\",\"checkpoint\":\"net.uvnn\"}],"
                + "\"dataset\":\"synthetic:120:8x8:4:7\",\"error_models\":[\"uniform\"],\"vdds\":[1.35,1.2,1.1],"
                + "\"ber_vdd_table\":\"t.csv\",\"trials\":1,\"seed\":11}");
        SweepSpec read = SweepSpecReader.read(dir.resolve("s.json"));
        // 1.1 V is halfway between 1.0 V and 1.2 V: log-linear interpolation gives 1e-3.
        assertThat(read.bers()).containsExactly(new double[] {0, 1e-4, 1e-3}, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(read.describe().get("points_from")).isEqualTo("vdds [1.35, 1.2, 1.1] V via device table:t (t.csv)");

        Files.writeString(dir.resolve("s.json"), "{\"networks\":[{\"name\":\"mlp\",\"checkpoint\":\"net.uvnn\"}],"
                + "\"dataset\":\"synthetic:120:8x8:4:7\",\"error_models\":[\"uniform\"],\"trcds\":[1.0,0.7],"
                + "\"trials\":1,\"seed\":11}");
        var builtin = org.undervolt.dram.device.DeviceSet.select(org.undervolt.mapping.OperatingPointBer.DEFAULT_TRCD_DEVICE)
                .devices().get(0).curve(org.undervolt.dram.device.BerBound.LOWER);
        var stop = org.undervolt.dram.device.FloorPolicy.STOP;
        assertThat(SweepSpecReader.read(dir.resolve("s.json")).bers()).containsExactly(builtin.ber(12.5, stop), builtin.ber(8.75, stop));
        assertThat(builtin.ber(8.75, stop)).isGreaterThan(0);
        assertThat(builtin.ber(12.5, stop)).isZero();
        Files.writeString(dir.resolve("s.json"), "{\"networks\":[{\"name\":\"mlp\",\"checkpoint\":\"net.uvnn\"}],"
                + "\"dataset\":\"mnist\",\"error_models\":[\"uniform\"],\"trcds\":[1.0],\"bers\":[0.1],"
                + "\"trials\":1,\"seed\":11}");
        assertThatThrownBy(() -> SweepSpecReader.read(dir.resolve("s.json"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exactly one of 'bers', 'vdds' and 'trcds'");
    }

    @Test
    void badSpecsAreOneLineOfBadInput(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"networks\":[],\"dataset\":\"mnist\"}");
        assertThatThrownBy(() -> SweepSpecReader.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'networks' must be a non-empty array");
        Files.writeString(f, "{\"netwerks\":1}");
        assertThatThrownBy(() -> SweepSpecReader.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown key 'netwerks'");
        assertThatThrownBy(() -> spec(List.of("uniform"), new double[] {1.5}, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> new DatasetRef("synthetic:x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("synthetic:N:RxC:K:SEED");
    }
}
