package org.undervolt.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.resilience.EvaluationMode;
import org.undervolt.resilience.SnnFaultAwareTrainer;

/**
 * How much work each stage of a pipeline does, in units whose cost a short {@link Calibration} measures,
 * and so how long the stages should take.
 *
 * <p>Units: DNN training images (baseline SGD), retraining images (with errors injected in the forward
 * pass), inferences of one image with errors (validation, tolerance trials); SNN STDP presentations and
 * SNN inferences. A tolerance search runs its grid upwards until the first failing BER, then its
 * bisections; where it stops is not known in advance, so a search is costed twice: typically (half the
 * grid, then the bisections) and at most (the whole grid and the bisections).
 *
 * <p>With sequential evaluation (the presets' default) a trial stops taking images once its point is settled:
 * typically it is costed at {@link #SEQUENTIAL_SHARE} of the test images, each at the per-image cost of the lowest
 * BER, at most at all of them at the cost of their BER. Injection grows with the BER, but the high points of a
 * search are those that fail, and a clearly failing point is settled after its first chunk of images: the
 * mlp-int8 run below evaluated 2.6M images at 80 µs each, on average, while calibration on the same loaded
 * machine timed 125 µs per image at BER 1e-6 and 1.7 ms at 0.1.
 */
public final class WorkModel {
    /**
     * The share of the test images a sequentially evaluated search typically uses: {@code ./undervolt eden --preset
     * mlp-int8 --out DIR --no-store --threads 2} (7 Dec 2026) used 62 % of them in its coarse search and 42 % in
     * its searches after retraining ({@code trial_images} / {@code trial_images_if_full} in
     * {@code DIR/stages/tolerance-*.json}); {@code bench tolerance} on LeNet-5 INT8 58 % (README).
     */
    static final double SEQUENTIAL_SHARE = 0.5;

    private WorkModel() {
    }

    /** Seconds of one stage: typical and at most. */
    public record Span(double typical, double most) {
        Span plus(Span o) {
            return new Span(typical + o.typical, most + o.most);
        }

        static Span exactly(double s) {
            return new Span(s, s);
        }
    }

    /**
     * Seconds of one tolerance search, one trial at BER b costing {@code trial.at(b)}: typically the lower
     * half of the grid, then the bisections at about the BER where it stopped; at most the whole grid and
     * the bisections at its top.
     */
    static Span search(PipelineConfig c, Calibration.Linear trial) {
        return search(c, trial, trial);
    }

    /** As {@link #search(PipelineConfig, Calibration.Linear)}, a trial typically costing {@code typicalTrial}. */
    static Span search(PipelineConfig c, Calibration.Linear typicalTrial, Calibration.Linear trial) {
        double[] grid = ToleranceStage.search(c).grid();
        int bisections = c.integer("bisections", 0, 20);
        int trials = c.integer("trials", 2, 10000);
        int half = (grid.length + 1) / 2;
        double typical = 0;
        double most = 0;
        for (int i = 0; i < grid.length; i++) {
            most += trials * trial.at(grid[i]);
            typical += i < half ? trials * typicalTrial.at(grid[i]) : 0;
        }
        typical += bisections * trials * typicalTrial.at(grid[Math.min(half, grid.length - 1)]);
        most += bisections * trials * trial.at(grid[grid.length - 1]);
        return new Span(typical, most);
    }

    /** The share of its images a trial typically evaluates: {@link #SEQUENTIAL_SHARE} with sequential evaluation. */
    static double typicalShare(PipelineConfig c) {
        return ToleranceStage.evaluation(c) == EvaluationMode.SEQUENTIAL ? SEQUENTIAL_SHARE : 1;
    }

    private static Span times(Span s, double k) {
        return new Span(s.typical() * k, s.most() * k);
    }

    /**
     * The eden stages. {@code sites}: layer × data-type targets of the fine search; {@code trainSize}: the
     * training set's images; {@code baselineTrained}: whether the baseline is trained (no model file given).
     */
    public static Map<String, Span> eden(PipelineConfig c, Calibration.Eden k, int sites, int trainSize,
            boolean baselineTrained) {
        int validation = c.integer("validation_images", 1, trainSize - 1);
        int pool = trainSize - validation;
        int test = c.integer("test_images", 1, 1_000_000);
        Map<String, Span> m = new LinkedHashMap<>();
        m.put("model", Span.exactly(baselineTrained ? c.integer("base_epochs", 1, 1000)
                * (double) Math.min(pool, c.integer("base_train_images", 1, 10_000_000)) * k.trainImage() : 0));
        // epoch e at BER start·factor^e (capped): the curriculum as if every epoch recovered
        int images = Math.min(pool, c.integer("train_images", 1, 10_000_000));
        int trialsPerEpoch = c.integer("validation_trials", 1, 1000);
        double ber = c.number("ber_start", 1e-12, 1);
        double retrain = k.evaluation(validation, 0);
        for (int e = 0; e < c.integer("retrain_epochs", 0, 1000); e++) {
            retrain += images * k.retrainImage().at(ber) + trialsPerEpoch * k.evaluation(validation, ber);
            ber = Math.min(c.number("ber_max", 1e-12, 1), ber * c.number("ber_factor", 1.000001, 1000));
        }
        m.put("retrain", Span.exactly(retrain));
        Calibration.Linear f = k.faultyImage();
        Calibration.Linear trial = new Calibration.Linear(f.ber0(), k.evaluation(test, f.ber0()), f.ber1(),
                k.evaluation(test, f.ber1()));
        Calibration.Linear typicalTrial = typicalTrial(c, k, test);
        double baseline = k.evaluation(test, 0);
        // the coarse search, after the error-free baseline
        m.put("tolerance-baseline", search(c, typicalTrial, trial).plus(Span.exactly(baseline)));
        // coarse + one search per site, then validating the combination: typically 1 point, at most 2 a decade
        // (as costly as the search's top point)
        // retraining moves the failing BER up: its searches typically walk the whole grid
        Span one = new Span(search(c, typicalTrial).most(), search(c, trial).most());
        double[] grid = ToleranceStage.search(c).grid();
        int trials = c.integer("trials", 2, 10000);
        double top = trials * trial.at(grid[grid.length - 1]);
        m.put("tolerance-retrained", times(one, 1 + sites).plus(new Span(trials * typicalTrial.at(grid[grid.length - 1]),
                2 * c.integer("points_per_decade", 1, 20) * top)).plus(Span.exactly(baseline)));
        m.put("mapping", Span.exactly(0));
        return m;
    }

    /** One trial as typically costed (see the class comment): at most {@code k.evaluation(test, ber)}. */
    static Calibration.Linear typicalTrial(PipelineConfig c, Calibration.Eden k, int test) {
        Calibration.Linear f = k.faultyImage();
        if (typicalShare(c) == 1) {
            return new Calibration.Linear(f.ber0(), k.evaluation(test, f.ber0()), f.ber1(), k.evaluation(test, f.ber1()));
        }
        double images = Math.ceil(test * typicalShare(c)) * f.cost0();
        return new Calibration.Linear(f.ber0(), k.faultyTrial().at(f.ber0()) + images, f.ber1(),
                k.faultyTrial().at(f.ber1()) + images);
    }

    /**
     * The sparkxd stages on {@code threads} threads: with two or more the fault-aware and control trainings run at
     * once, one thread each (STDP is sequential), so the stage's training costs one of them.
     */
    public static Map<String, Span> sparkxd(PipelineConfig c, Calibration.Sparkxd k, int threads) {
        long images = c.integer("train_images", 1L, 100_000_000L);
        int label = c.integer("label_images", 1, 100_000_000);
        int test = c.integer("test_images", 1, 100_000_000);
        double[] steps = SnnFaultAwareTrainer.steps(c.number("ber_start", 1e-12, 1), c.number("ber_factor", 1.000001, 1000),
                c.number("ber_max", 1e-12, 1));
        long fatImages = steps.length * c.integer("images_per_step", 1L, 100_000_000L);
        Map<String, Span> m = new LinkedHashMap<>();
        m.put("train", Span.exactly(images * k.stdpImage() + (label + test) * k.inferImage()));
        // fault-aware and control training (at once on two threads); three networks labelled and tested error-free
        m.put("fault-aware-training", Span.exactly((threads > 1 ? 1 : 2) * fatImages * k.stdpImage()
                + 3.0 * (label + test) * k.inferImage()));
        // three searches (baseline, fault-aware, control), each after its error-free baseline
        m.put("tolerance", times(search(c, Calibration.Linear.constant(Math.ceil(test * typicalShare(c)) * k.inferImage()),
                Calibration.Linear.constant(test * k.inferImage())), 3)
                .plus(Span.exactly(3.0 * test * k.inferImage())));
        // With the location model the searches' axis ends at the device's lowest measured voltage, and where the
        // control (for the paired bisection: either network) passes all of it the two comparisons are skipped (no
        // failing BER to compare at): typically nothing there, at most their work
        boolean located = MappingStage.location(c) != null;
        // fault-aware and control on the same draws, every test image of every trial
        double compared = 2.0 * c.integer("trials", 1, 10_000) * test * k.inferImage();
        m.put("fat-vs-control", new Span(located ? 0 : compared, compared));
        // the paired bisection: both networks on every draw at each point; typically 5 points (both ends, one
        // extension, a midpoint each), at most 8 (an extension each way and one more midpoint each)
        double pairedPoint = 2.0 * FatControlCrossingStage.draws(c) * test * k.inferImage();
        m.put("fat-vs-control-ber", new Span(located ? 0 : 5 * pairedPoint, 8 * pairedPoint));
        m.put("placement", Span.exactly(0));
        return m;
    }

    /** The sum of {@code stages}. */
    public static Span total(Map<String, Span> stages) {
        Span t = Span.exactly(0);
        for (Span s : stages.values()) {
            t = t.plus(s);
        }
        return t;
    }
}
