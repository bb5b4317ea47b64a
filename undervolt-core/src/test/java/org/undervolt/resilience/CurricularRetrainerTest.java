package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.Formats;

/** Tiny task: 6×6 blobs, 8 classes, MLP 36-32-8; weights and IFMs INT8 in approximate DRAM. */
class CurricularRetrainerTest {
    private static final ImageDataset ALL = SyntheticDatasets.separableBlobs(2300, 6, 6, 8, 3);
    private static final ImageDataset TRAIN = ALL.slice(0, 1000);
    private static final ImageDataset VAL = ALL.slice(1000, 1300);
    private static final ImageDataset TEST = ALL.slice(1300, 2300);

    private static Sequential trained() {
        Sequential m = Mlp.create(new int[] {36, 32, 8}, 1);
        new Trainer(new TrainConfig(5, 32, 0.05f, 0.9f, 0f, 1)).train(m, TRAIN, (e, l, s) -> { });
        return m;
    }

    private static StorageSetup setup(Sequential m) {
        return new StorageSetup(Site.of(m, Set.of(DataKind.WEIGHTS, DataKind.IFMS)), Formats.INT8, Formats.INT8,
                UniformErrorModel::new, "uniform", DramGeometry.lpddr3x32(), true);
    }

    private static CurricularRetrainer.Config config(int epochs) {
        return new CurricularRetrainer.Config(CurricularRetrainer.Mode.CURRICULAR, epochs, 32, 0.02f, 0.9f, 5,
                new CurriculumSchedule.Params(1e-3, 1.5, 0.3, 4), 0f, 0.01, 3, 500);
    }

    private static NetworkEvaluator evaluator(Sequential m) {
        StorageSetup s = setup(m);
        return new NetworkEvaluator(m, new NetworkFaults(m, s, ValueBounds.profile(m, TRAIN, 500, List.of(0, 2))), TEST);
    }

    @Test
    void curricularRetrainingRaisesAccuracyUnderErrors() {
        Sequential base = trained();
        CurricularRetrainer.Result r = new CurricularRetrainer(config(16)).run(base, TRAIN, VAL, setup(base), null,
                CurricularRetrainer.Listener.NONE);
        assertThat(r.boostedBer()).isGreaterThan(1e-3);
        assertThat(r.history().get(0).ber()).isEqualTo(1e-3);
        // Same 120 error draws (seeds) for both networks at BER 1e-2, weights and IFMs.
        double ber = 1e-2;
        CurvePoint before = new BerSweep(3, 120).run(new double[] {ber}, evaluator(base).at(setup(base)::uniform),
                (i, n, p) -> { }).get(0);
        CurvePoint after = new BerSweep(3, 120).run(new double[] {ber}, evaluator(r.model()).at(setup(base)::uniform),
                (i, n, p) -> { }).get(0);
        // One-sided Welch z above 3: the gain is not a lucky draw.
        double se = Math.sqrt((before.stddev() * before.stddev() + after.stddev() * after.stddev()) / 120);
        assertThat((after.mean() - before.mean()) / se).isGreaterThan(3);
        assertThat(after.mean()).isGreaterThan(before.mean() + 0.01);
    }

    @Test
    void aKilledRetrainingResumesToTheSameModel(@TempDir Path dir) {
        Sequential base = trained();
        CurricularRetrainer.Result whole = new CurricularRetrainer(config(3)).run(base, TRAIN, VAL, setup(base), null,
                CurricularRetrainer.Listener.NONE);
        Path cp = dir.resolve("retrain.ckpt");
        assertThatThrownBy(() -> new CurricularRetrainer(config(3)).run(base, TRAIN, VAL, setup(base), cp, e -> {
            if (e.epoch() == 1) {
                throw new IllegalStateException("killed");
            }
        })).hasMessage("killed");
        CurricularRetrainer.Result resumed = new CurricularRetrainer(config(3)).run(base, TRAIN, VAL, setup(base), cp,
                CurricularRetrainer.Listener.NONE);
        assertThat(resumed.resumedAt()).isEqualTo(1);
        assertThat(resumed.history()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            var a = whole.history().get(i);
            var b = resumed.history().get(i);
            assertThat(List.of(b.epoch(), b.ber(), b.loss(), b.validationAccuracy(), b.recovered(), b.nextBer()))
                    .isEqualTo(List.of(a.epoch(), a.ber(), a.loss(), a.validationAccuracy(), a.recovered(), a.nextBer()));
        }
        List<Parameter> pa = whole.model().parameters();
        List<Parameter> pb = resumed.model().parameters();
        for (int k = 0; k < pa.size(); k++) {
            assertThat(pb.get(k).data()).as(pa.get(k).name()).isEqualTo(pa.get(k).data());
        }
        assertThat(resumed.boostedBer()).isEqualTo(whole.boostedBer());
        // A checkpoint of another run is refused, not mixed in.
        assertThatThrownBy(() -> new CurricularRetrainer(config(4)).run(base, TRAIN, VAL, setup(base), cp,
                CurricularRetrainer.Listener.NONE)).isInstanceOf(InvalidInputException.class);
    }

    /**
     * A checkpoint written before nested records were named in snake_case (its schedule and history keys camelCase:
     * {@code epochsAtBer}, {@code validationAccuracy}, ...) resumes as one written now.
     */
    @Test
    void aCheckpointWithTheOldCamelCaseKeysStillResumes(@TempDir Path dir) throws Exception {
        Sequential base = trained();
        Path cp = dir.resolve("retrain.ckpt");
        assertThatThrownBy(() -> new CurricularRetrainer(config(3)).run(base, TRAIN, VAL, setup(base), cp, e -> {
            if (e.epoch() == 2) {
                throw new IllegalStateException("killed");
            }
        })).hasMessage("killed");
        RetrainCheckpoint.Parts now = RetrainCheckpoint.read(cp);
        assertThat(now.state()).contains("\"epochs_at_ber\"", "\"validation_accuracy\"", "\"next_ber\"")
                .doesNotContain("epochsAtBer", "validationAccuracy", "nextBer");
        String camel = now.state();
        for (String k : List.of("epochsAtBer", "boostedBer", "stopReason", "validationAccuracy", "nextBer")) {
            camel = camel.replace("\"" + org.undervolt.io.Json.snakeCase(k) + "\"", "\"" + k + "\"");
        }
        Path old = dir.resolve("old").resolve("retrain.ckpt");
        java.nio.file.Files.createDirectories(old.getParent());
        RetrainCheckpoint.write(old, new RetrainCheckpoint.Parts(camel, now.model(), now.kept(), now.velocity()));
        CurricularRetrainer.Result a = new CurricularRetrainer(config(3)).run(base, TRAIN, VAL, setup(base), cp,
                CurricularRetrainer.Listener.NONE);
        CurricularRetrainer.Result b = new CurricularRetrainer(config(3)).run(base, TRAIN, VAL, setup(base), old,
                CurricularRetrainer.Listener.NONE);
        assertThat(b.resumedAt()).isEqualTo(2).isEqualTo(a.resumedAt());
        for (int i = 0; i < 3; i++) {
            var x = a.history().get(i);
            var y = b.history().get(i);
            assertThat(List.of(y.epoch(), y.ber(), y.loss(), y.validationAccuracy(), y.recovered(), y.nextBer()))
                    .isEqualTo(List.of(x.epoch(), x.ber(), x.loss(), x.validationAccuracy(), x.recovered(), x.nextBer()));
        }
        assertThat(b.history().get(0).validationAccuracy()).isPositive();
        assertThat(b.boostedBer()).isEqualTo(a.boostedBer());
        List<Parameter> pa = a.model().parameters();
        List<Parameter> pb = b.model().parameters();
        for (int k = 0; k < pa.size(); k++) {
            assertThat(pb.get(k).data()).as(pa.get(k).name()).isEqualTo(pa.get(k).data());
        }
    }

    @Test
    void theRetrainedNetworkKeepsItsReluCappedAtThePercentileOfTheBaseline() {
        Sequential base = trained();
        var cfg = new CurricularRetrainer.Config(CurricularRetrainer.Mode.CURRICULAR, 2, 32, 0.02f, 0.9f, 5,
                new CurriculumSchedule.Params(1e-3, 2, 0.3, 2, 0), 0f, 0.01, 2, 500, 2f, 99);
        CurricularRetrainer.Result r = new CurricularRetrainer(cfg).run(base, TRAIN, VAL, setup(base), null,
                CurricularRetrainer.Listener.NONE);
        assertThat(r.reluCaps()).isEqualTo(ReluCaps.profile(base, TRAIN, 500, 99)).containsOnlyKeys("relu1");
        assertThat(r.history().get(0).recovered()).isTrue();
        assertThat(((org.undervolt.nn.layer.Relu) r.model().layers().get(1)).cap()).isEqualTo(r.reluCaps().get("relu1"));
        assertThat(((org.undervolt.nn.layer.Relu) base.layers().get(1)).cap()).isEqualTo(Float.POSITIVE_INFINITY);
        // without the setting nothing is capped, and the config refuses a percentile outside (0, 100]
        assertThat(new CurricularRetrainer(config(1)).run(base, TRAIN, VAL, setup(base), null,
                CurricularRetrainer.Listener.NONE).reluCaps()).isEmpty();
        assertThatThrownBy(() -> new CurricularRetrainer.Config(CurricularRetrainer.Mode.CURRICULAR, 2, 32, 0.02f, 0.9f,
                5, new CurriculumSchedule.Params(1e-3, 2, 0.3, 2, 0), 0f, 0.01, 2, 500, 2f, 101))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aFailedStepIsHalvedAndRelativeClippingHoldsEveryTensorToItsOwnBound() {
        Sequential base = trained();
        var cfg = new CurricularRetrainer.Config(CurricularRetrainer.Mode.CURRICULAR, 3, 32, 0.02f, 0.9f, 5,
                new CurriculumSchedule.Params(1e-3, 100, 0.3, 1, 1), 0f, 0.01, 2, 500, 2f);
        CurricularRetrainer retrainer = new CurricularRetrainer(cfg);
        var bounds = retrainer.clipBounds(base);
        CurricularRetrainer.Result r = retrainer.run(base, TRAIN, VAL, setup(base), null, CurricularRetrainer.Listener.NONE);
        // 1e-3 recovers; x100 (0.1) collapses; the halved step (x10) starts from the recovered network
        assertThat(r.history()).extracting(CurricularRetrainer.Epoch::ber).containsExactly(1e-3, 0.1, 1e-3 * 10);
        assertThat(r.history().get(1).recovered()).isFalse();
        assertThat(bounds).containsOnlyKeys("dense1.weight", "dense2.weight");
        for (Parameter p : r.model().parameters()) {
            Float b = bounds.get(p.name());
            double sq = 0;
            for (float w : base.parameter(p.name()).data()) {
                sq += (double) w * w;
            }
            if (b != null) {
                assertThat(b).isCloseTo((float) (2 * Math.sqrt(sq / p.size())), org.assertj.core.data.Offset.offset(1e-6f));
                for (float w : p.data()) {
                    assertThat(Math.abs(w)).isLessThanOrEqualTo(b);
                }
            }
        }
    }

    @Test
    void randBetClipsWeightsAndKeepsTheBerFixed() {
        Sequential base = trained();
        var cfg = new CurricularRetrainer.Config(CurricularRetrainer.Mode.RANDBET, 2, 32, 0.02f, 0.9f, 5,
                CurriculumSchedule.Params.fixed(1e-2), 0.1f, 0.01, 1, 500);
        CurricularRetrainer.Result r = new CurricularRetrainer(cfg).run(base, TRAIN, VAL, setup(base), null,
                CurricularRetrainer.Listener.NONE);
        assertThat(r.history()).extracting(CurricularRetrainer.Epoch::ber).containsExactly(1e-2, 1e-2);
        for (Parameter p : r.model().parameters()) {
            if (p.kind() == org.undervolt.nn.layer.ParameterKind.WEIGHT) {
                for (float w : p.data()) {
                    assertThat(Math.abs(w)).isLessThanOrEqualTo(0.1f);
                }
            }
        }
    }
}
