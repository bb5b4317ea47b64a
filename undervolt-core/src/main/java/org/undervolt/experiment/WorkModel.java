package org.undervolt.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

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
 */
public final class WorkModel {
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
        double[] grid = ToleranceStage.search(c).grid();
        int bisections = c.integer("bisections", 0, 20);
        int trials = c.integer("trials", 2, 10000);
        int half = (grid.length + 1) / 2;
        double typical = 0;
        double most = 0;
        for (int i = 0; i < grid.length; i++) {
            double t = trials * trial.at(grid[i]);
            most += t;
            typical += i < half ? t : 0;
        }
        typical += bisections * trials * trial.at(grid[Math.min(half, grid.length - 1)]);
        most += bisections * trials * trial.at(grid[grid.length - 1]);
        return new Span(typical, most);
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
        double retrain = validation * k.faultyImage().at(0);
        for (int e = 0; e < c.integer("retrain_epochs", 0, 1000); e++) {
            retrain += images * k.retrainImage().at(ber) + trialsPerEpoch * (double) validation * k.faultyImage().at(ber);
            ber = Math.min(c.number("ber_max", 1e-12, 1), ber * c.number("ber_factor", 1.000001, 1000));
        }
        m.put("retrain", Span.exactly(retrain));
        Calibration.Linear f = k.faultyImage();
        Calibration.Linear trial = new Calibration.Linear(f.ber0(), test * f.cost0(), f.ber1(), test * f.cost1());
        double baseline = test * f.at(0);
        // the coarse search, after the error-free baseline
        m.put("tolerance-baseline", search(c, trial).plus(Span.exactly(baseline)));
        // coarse + one search per site, then validating the combination: typically 1 point, at most 2 a decade
        // (as costly as the search's top point)
        // retraining moves the failing BER up: its searches typically walk the whole grid
        Span one = search(c, trial);
        one = new Span(one.most(), one.most());
        double[] grid = ToleranceStage.search(c).grid();
        double top = c.integer("trials", 2, 10000) * trial.at(grid[grid.length - 1]);
        m.put("tolerance-retrained", times(one, 1 + sites).plus(new Span(top, 2 * c.integer("points_per_decade", 1, 20)
                * top)).plus(Span.exactly(baseline)));
        m.put("mapping", Span.exactly(0));
        return m;
    }

    /** The sparkxd stages. */
    public static Map<String, Span> sparkxd(PipelineConfig c, Calibration.Sparkxd k) {
        long images = c.integer("train_images", 1L, 100_000_000L);
        int label = c.integer("label_images", 1, 100_000_000);
        int test = c.integer("test_images", 1, 100_000_000);
        double[] steps = SnnFaultAwareTrainer.steps(c.number("ber_start", 1e-12, 1), c.number("ber_factor", 1.000001, 1000),
                c.number("ber_max", 1e-12, 1));
        long fatImages = steps.length * c.integer("images_per_step", 1L, 100_000_000L);
        Map<String, Span> m = new LinkedHashMap<>();
        m.put("train", Span.exactly(images * k.stdpImage() + (label + test) * k.inferImage()));
        // fault-aware and control training; three networks labelled and tested error-free
        m.put("fault-aware-training", Span.exactly(2 * fatImages * k.stdpImage() + 3.0 * (label + test) * k.inferImage()));
        // three searches (baseline, fault-aware, control), each after its error-free baseline
        m.put("tolerance", times(search(c, Calibration.Linear.constant(test * k.inferImage())), 3)
                .plus(Span.exactly(3.0 * test * k.inferImage())));
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
