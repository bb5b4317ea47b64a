package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.data.Split;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.Evaluation;
import org.undervolt.io.Json;
import org.undervolt.resilience.BerSweep;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.NetworkEvaluator;
import org.undervolt.resilience.NetworkFaults;
import org.undervolt.resilience.StorageSetup;
import org.undervolt.resilience.TrialEvaluator;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunExport;
import org.undervolt.store.TrialKey;
import org.undervolt.store.TrialRow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 11, item 4, in sweeps: exponent flips in FP32 weights make NaN and infinite values; a sweep
 * trial counts them, the count lands in the results store and its export, and accuracy is unchanged.
 */
class SweepNonfiniteTest {
    static final double[] BERS = {0, 0.05};

    @BeforeAll
    static void train() throws Exception {
        SweepRunnerTest.train();
    }

    static SweepSpec spec(String format) {
        return new SweepSpec(List.of(new SweepNetwork("mlp", SweepRunnerTest.checkpoint)), SweepRunnerTest.DATA, 120, 60,
                List.of("uniform"), BERS, 3, 11, Set.of(DataKind.WEIGHTS), format, "int8", false, 5);
    }

    @Test
    void fp32ExponentFlipsAreCountedPerTrialAndEqualTheEvaluatorsOwnCount() {
        SweepSpec s = spec("fp32");
        List<TrialOutcome> got = new LocalSweepRunner(1).run(s);
        assertThat(new LocalSweepRunner(2).run(s)).isEqualTo(got);
        assertThat(got).allMatch(TrialOutcome::nonfiniteCounted);
        assertThat(got.subList(0, 3)).allMatch(o -> o.nonfinite() == 0); // clean
        // BER 5e-2 in FP32 weights: an exponent MSB flip in some of the 1,100 weights makes them huge, and
        // the logits of most of the 120 test images overflow.
        for (TrialOutcome o : got.subList(3, 6)) {
            assertThat(o.nonfinite()).as("%s", o).isBetween(1, 120);
        }
        // The count and the accuracy are those of NetworkEvaluator.evaluation on the trial's stream.
        Sequential model = s.networks().get(0).load();
        StorageSetup setup = s.setup("uniform").build(model);
        NetworkEvaluator ev = new NetworkEvaluator(model, new NetworkFaults(model, setup, null),
                SweepRunnerTest.DATA.load(Split.TEST).slice(0, 120));
        for (TrialOutcome o : got) {
            Evaluation e = ev.evaluation(setup.uniform(o.ber()), new BerSweep(11, 3).trialStream(o.ber(), o.trial()));
            assertThat(o.nonfinite()).isEqualTo(e.nonfinite());
            assertThat(Double.doubleToRawLongBits(o.accuracy())).isEqualTo(Double.doubleToRawLongBits(e.accuracy()));
        }
        // int8 weights hold no exponent: nothing is ever non-finite.
        assertThat(new LocalSweepRunner(1).run(spec("int8"))).allMatch(o -> o.nonfinite() == 0);
    }

    @Test
    void countsAreStoredInExtraExportedAndSummedPerPoint(@TempDir Path dir) throws Exception {
        SweepSpec s = spec("fp32");
        List<TrialOutcome> got = new LocalSweepRunner(1).run(s);
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db"))) {
            long run = SweepResults.createRun(store, s);
            assertThat(SweepResults.record(store, run, got)).isEqualTo(6);
            List<TrialRow> rows = new ArrayList<>();
            store.trials().forEach(run, rows::add);
            for (int i = 0; i < 6; i++) {
                assertThat(rows.get(i).extra()).isEqualTo("{\"nonfinite\":" + got.get(i).nonfinite() + "}");
                assertThat(SweepResults.nonfinite(rows.get(i))).hasValue(got.get(i).nonfinite());
                assertThat(rows.get(i).accuracy()).isEqualTo(got.get(i).accuracy());
            }
            List<SweepResults.PointMean> means = SweepResults.means(store, run, s);
            assertThat(means).hasSize(2);
            assertThat(means.get(0).nonfinite()).isZero();
            assertThat(means.get(0).nonfiniteTrials()).isZero();
            long high = got.subList(3, 6).stream().mapToLong(TrialOutcome::nonfinite).sum();
            assertThat(high).isPositive();
            assertThat(means.get(1)).isEqualTo(new SweepResults.PointMean("network=mlp;error_model=uniform;ber=0.05", 3,
                    got.subList(3, 6).stream().mapToDouble(TrialOutcome::accuracy).average().orElseThrow(), high, 3, 3));
            JsonNode pm = Json.mapper().readTree(Json.write(means.get(1)));
            assertThat(pm.get("nonfinite").asLong()).isEqualTo(high);
            assertThat(pm.get("nonfinite_trials").asInt()).isEqualTo(3);
            assertThat(pm.get("counted_trials").asInt()).isEqualTo(3);

            StringWriter w = new StringWriter();
            new RunExport(store, run).writeJson(w);
            JsonNode trials = Json.mapper().readTree(w.toString()).get("trials");
            assertThat(trials).hasSize(6);
            assertThat(trials.get(4).get("extra").get("nonfinite").asInt()).isEqualTo(got.get(4).nonfinite()).isPositive();
        }
    }

    @Test
    void uncountedTrialsAndOldRowsHoldNoCount(@TempDir Path dir) {
        SweepSpec s = spec("fp32");
        TrialOutcome counted = TrialOutcome.of(s, s.tasks().get(3), 0.25, 7);
        TrialOutcome uncounted = TrialOutcome.of(s, s.tasks().get(4), 0.5, TrialEvaluator.Outcome.NOT_COUNTED);
        assertThat(uncounted.nonfiniteCounted()).isFalse();
        assertThatThrownBy(() -> TrialOutcome.of(s, s.tasks().get(4), 0.5, -2))
                .isInstanceOf(IllegalArgumentException.class);
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db"))) {
            long run = SweepResults.createRun(store, s);
            SweepResults.record(store, run, List.of(counted, uncounted));
            // A row recorded before counts were kept: no extra.
            store.trials().record(run, new TrialRow(new TrialKey(s.pointKey(s.tasks().get(5)), 2),
                    BerSweep.trialIds(0.05, 2), 0.75, OptionalLong.empty(), null));
            SweepResults.PointMean m = SweepResults.means(store, run, s).get(0);
            assertThat(m).isEqualTo(new SweepResults.PointMean("network=mlp;error_model=uniform;ber=0.05", 3, 0.5, 7, 1, 1));
        }
    }
}
