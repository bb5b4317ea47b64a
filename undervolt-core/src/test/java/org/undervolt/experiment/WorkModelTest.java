package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Run-time estimates from unit costs: the work of each stage counted by hand. */
class WorkModelTest {

    @Test
    void edenStagesFromTheirWork() {
        // 6000 + 500 images, grid 1e-6..1e-1 one a decade; full evaluation (sequential: sequentialTrialsTypicallyTakeHalf)
        PipelineConfig c = PipelineConfig.preset("eden", "quick").withSettings(List.of("evaluation=full"));
        Map<String, WorkModel.Span> s = WorkModel.eden(c, new Calibration.Eden(0.001, Calibration.Linear.constant(0.002), Calibration.Linear.constant(0.0005), 4, 0), 4, 6500, true);
        assertThat(s.keySet()).containsExactly("model", "retrain", "tolerance-baseline", "tolerance-retrained", "mapping");
        // 2 epochs x 6000 images (the pool: 20000 asked, 6500 - 500 there) x 1 ms
        assertThat(s.get("model").typical()).isCloseTo(12, within(1e-9));
        // 4 epochs x (6000 x 2 ms + 2 validation trials x 500 x 0.5 ms), then the baseline on 500
        assertThat(s.get("retrain").most()).isCloseTo(50.25, within(1e-9));
        // 6 grid points + 2 bisections: typically 3 + 2 points, at most 8; 5 trials of 1000 images x 0.5 ms; + baseline
        assertThat(s.get("tolerance-baseline").typical()).isCloseTo(13, within(1e-9));
        assertThat(s.get("tolerance-baseline").most()).isCloseTo(20.5, within(1e-9));
        // coarse + 4 fine searches, each typically the whole grid after retraining (8 points x 2.5 s), the
        // combination 1 point (at most 2 a decade x 1 decade) at the grid's top, the baseline
        assertThat(s.get("tolerance-retrained").typical()).isCloseTo(5 * 20 + 2.5 + 0.5, within(1e-9));
        assertThat(s.get("tolerance-retrained").most()).isCloseTo(5 * 20 + 5 + 0.5, within(1e-9));
        assertThat(WorkModel.total(s).typical()).isCloseTo(178.25, within(1e-9));
        assertThat(WorkModel.total(s).most()).isCloseTo(188.25, within(1e-9));

        var given = WorkModel.eden(c.withSettings(List.of("model=\"m.uvnn\"")), new Calibration.Eden(0.001, Calibration.Linear.constant(0.002), Calibration.Linear.constant(0.0005), 4, 0),
                4, 6500, false);
        assertThat(given.get("model").most()).isZero();
    }

    @Test
    void costsGrowLinearlyWithTheBerAndSoDoTheSearches() {
        Calibration.Linear l = new Calibration.Linear(1e-4, 1.0, 0.1, 3.0);
        assertThat(l.at(1e-4)).isEqualTo(1.0);
        assertThat(l.at(0.1)).isEqualTo(3.0);
        assertThat(l.at(0.05005)).isCloseTo(2.0, within(1e-12));
        PipelineConfig c = PipelineConfig.preset("eden", "quick").withSettings(List.of("tolerance_ber_min=1e-3",
                "tolerance_ber_max=0.1", "bisections=1", "trials=2")); // grid 1e-3, 1e-2, 1e-1
        WorkModel.Span s = WorkModel.search(c, new Calibration.Linear(0, 0, 0.1, 10)); // 100 s per unit BER
        // typically 1e-3, 1e-2, then one bisection at 1e-1's cost; at most all three and the bisection at 1e-1
        assertThat(s.typical()).isCloseTo(2 * (0.1 + 1 + 10), within(1e-9));
        assertThat(s.most()).isCloseTo(2 * (0.1 + 1 + 10 + 10), within(1e-9));
    }

    @Test
    void sparkxdStagesFromTheirWork() {
        // 10000 STDP images, 3 BER steps of 500; full evaluation
        PipelineConfig c = PipelineConfig.preset("sparkxd", "quick").withSettings(List.of("evaluation=full"));
        Map<String, WorkModel.Span> s = WorkModel.sparkxd(c, new Calibration.Sparkxd(0.01, 0.002, 0), 1);
        assertThat(s.get("train").typical()).isCloseTo(10000 * 0.01 + 6000 * 0.002, within(1e-9));
        // fault-aware and control training (1500 images each), one after the other on one thread, at once on two;
        // three networks labelled and tested
        assertThat(s.get("fault-aware-training").typical()).isCloseTo(2 * 1500 * 0.01 + 3 * 6000 * 0.002, within(1e-9));
        assertThat(WorkModel.sparkxd(c, new Calibration.Sparkxd(0.01, 0.002, 0), 2).get("fault-aware-training").typical())
                .isCloseTo(1500 * 0.01 + 3 * 6000 * 0.002, within(1e-9));
        // the paired stage: typically skipped under the presets' location model (the axis ends at the device's
        // lowest voltage), at most 8 points of both networks on every draw; 5 points typically on the uniform path
        double pairedPoint = 2 * 3 * 1000 * 0.002;
        assertThat(s.get("fat-vs-control-ber").typical()).isZero();
        assertThat(s.get("fat-vs-control").typical()).isZero();
        assertThat(s.get("fat-vs-control").most()).isCloseTo(pairedPoint, within(1e-9));
        assertThat(s.get("fat-vs-control-ber").most()).isCloseTo(8 * pairedPoint, within(1e-9));
        var uniform = WorkModel.sparkxd(c.withSettings(List.of("weak_fraction=1", "paired_draws=6")),
                new Calibration.Sparkxd(0.01, 0.002, 0), 1).get("fat-vs-control-ber");
        assertThat(uniform.typical()).isCloseTo(5 * 2 * pairedPoint, within(1e-9));
        assertThat(WorkModel.sparkxd(c.withSettings(List.of("weak_fraction=1")), new Calibration.Sparkxd(0.01, 0.002, 0), 1)
                .get("fat-vs-control").typical()).isCloseTo(pairedPoint, within(1e-9));
        assertThat(uniform.most()).isCloseTo(8 * 2 * pairedPoint, within(1e-9));
        // 3 searches (baseline, fault-aware, control); grid 1e-5..1e-1 (5 points) + 2 bisections: typically 5, at
        // most 7 points; 3 trials x 1000 x 2 ms
        assertThat(s.get("tolerance").typical()).isCloseTo(3 * 5 * 3 * 2 + 6, within(1e-9));
        assertThat(s.get("tolerance").most()).isCloseTo(3 * 7 * 3 * 2 + 6, within(1e-9));
    }

    /**
     * Sequential evaluation: a trial typically takes half the images, each at the lowest BER's cost; at most all
     * of them at their BER's cost, as full evaluation. A fixed cost per evaluation is paid once per trial.
     */
    @Test
    void sequentialTrialsTypicallyTakeHalfTheImagesAtTheLowestBersCost() {
        PipelineConfig full = PipelineConfig.preset("eden", "quick").withSettings(List.of("evaluation=full",
                "tolerance_ber_min=1e-3", "tolerance_ber_max=0.1", "bisections=1", "trials=2")); // grid 1e-3, 1e-2, 1e-1
        PipelineConfig sequential = full.withSettings(List.of("evaluation=sequential"));
        // per image 1 ms at BER 0 rising to 11 ms at 0.1; 50 ms fixed per evaluation; 1000 test images
        var k = new Calibration.Eden(0.001, Calibration.Linear.constant(0.002), new Calibration.Linear(0, 0.001, 0.1, 0.011),
                Calibration.Linear.constant(0.05), 4, 0);
        assertThat(k.evaluation(1000, 0.1)).isCloseTo(11.05, within(1e-9));
        Calibration.Linear typical = WorkModel.typicalTrial(sequential, k, 1000);
        assertThat(typical.at(0.1)).isCloseTo(0.05 + 500 * 0.001, within(1e-9)); // 500 images at the lowest BER's cost
        assertThat(WorkModel.typicalTrial(full, k, 1000).at(0.01)).isCloseTo(k.evaluation(1000, 0.01), within(1e-9));

        var f = WorkModel.eden(full, k, 4, 6500, true);
        var s = WorkModel.eden(sequential, k, 4, 6500, true);
        assertThat(s.get("tolerance-baseline").most()).isCloseTo(f.get("tolerance-baseline").most(), within(1e-9));
        assertThat(s.get("tolerance-retrained").most()).isCloseTo(f.get("tolerance-retrained").most(), within(1e-9));
        // typically 1e-3, 1e-2 and one bisection at the next point, 2 trials each at 0.55 s; the error-free baseline
        double trial = 0.05 + 500 * 0.001;
        assertThat(s.get("tolerance-baseline").typical()).isCloseTo(3 * 2 * trial + k.evaluation(1000, 0), within(1e-9));
        assertThat(f.get("tolerance-baseline").typical()).isCloseTo(2 * (k.evaluation(1000, 1e-3) + k.evaluation(1000, 1e-2)
                + k.evaluation(1000, 0.1))
                + k.evaluation(1000, 0), within(1e-9));
    }

    @Test
    void theLineNamesEveryStageLeftWithItsRange() {
        var e = new RunEstimate("eden", new java.util.LinkedHashMap<>(Map.of("retrain", new WorkModel.Span(600, 600))),
                null, 4.2);
        assertThat(e.line()).isEqualTo("estimate: about 10 min 00 s, at most 10 min 00 s (retrain 10 min 00 s); "
                + "measured in 4 s on this machine");
        var f = new RunEstimate("eden", Map.of("tolerance", new WorkModel.Span(3000, 7300)), null, 4.2);
        assertThat(f.line()).contains("(tolerance 50 min 00 s..2 h 01 min)");
        assertThat(f.toMap()).containsEntry("at_most_s", 7300.0);
    }
}
