package org.undervolt.resilience;

import org.undervolt.InvalidInputException;

/**
 * The BER curriculum of EDEN's retraining (Koppula et al., MICRO 2019, §4.1; docs/PAPERS.md
 * §2.4): start at a low BER and raise it step by step, because retraining straight at a high BER
 * collapses accuracy.
 *
 * <p>The rule, applied after every epoch to the validation accuracy measured with errors at the
 * current BER (mean over trials):
 * <ul>
 *   <li>if it is at least {@code target} (the error-free baseline minus delta), the network has
 *       <em>recovered</em> at this BER: it becomes the boosted BER, and the next epoch runs at
 *       {@code min(ber × factor, maxBer)}; recovering at {@code maxBer} ends the curriculum;</li>
 *   <li>otherwise the BER stays; after {@code patience} epochs at one BER without recovery the step
 *       was too large: with {@code refinements} left and a BER already recovered, the step is halved in
 *       log space ({@code factor ← √factor}) and the next epoch runs at the boosted BER times the smaller
 *       factor; otherwise the curriculum ends, and the boosted BER is the last one recovered.</li>
 * </ul>
 * Halving the step where the network stops keeping up spends the epochs near its limit instead of
 * giving up at the first BER it cannot reach in one jump (EDEN raises the rate "gradually"; its step is
 * not published).
 * With {@code factor = 1} the BER never changes and the schedule never ends by itself (RandBET's
 * fixed-rate training).
 */
public final class CurriculumSchedule {

    /**
     * @param startBer first BER
     * @param factor   multiplier per step (&gt;= 1)
     * @param maxBer   last BER of the curriculum
     * @param patience epochs allowed at one BER to recover (&gt;= 1)
     * @param refinements how many times a step that failed may be halved (in log space) and tried again
     */
    public record Params(double startBer, double factor, double maxBer, int patience, int refinements) {
        public Params {
            if (!(startBer > 0 && startBer <= 1)) {
                throw new InvalidInputException("start BER " + startBer + " is out of range: expected 0 < BER <= 1");
            }
            if (!(maxBer >= startBer && maxBer <= 1)) {
                throw new InvalidInputException("max BER " + maxBer + " is out of range: expected start BER <= max <= 1");
            }
            if (!(factor >= 1 && factor <= 1000)) {
                throw new InvalidInputException("BER factor " + factor + " is out of range: expected 1 <= factor <= 1000");
            }
            if (patience < 1) {
                throw new InvalidInputException("patience " + patience + " is out of range: expected >= 1");
            }
            if (refinements < 0 || refinements > 20) {
                throw new InvalidInputException("refinements " + refinements + " is out of range: expected 0..20");
            }
        }

        /** A curriculum that ends at the first step that fails (no refinement). */
        public Params(double startBer, double factor, double maxBer, int patience) {
            this(startBer, factor, maxBer, patience, 0);
        }

        /** A fixed BER, never raised (RandBET). */
        public static Params fixed(double ber) {
            return new Params(ber, 1, ber, Integer.MAX_VALUE, 0);
        }
    }

    /**
     * The schedule's whole state, for checkpoints.
     *
     * @param refined how many times the step has been halved so far
     */
    public record State(double ber, int epochsAtBer, double boostedBer, boolean done, String stopReason, int refined) {
        /** A state before any refinement. */
        public State(double ber, int epochsAtBer, double boostedBer, boolean done, String stopReason) {
            this(ber, epochsAtBer, boostedBer, done, stopReason, 0);
        }
    }

    private final Params params;
    private State state;

    public CurriculumSchedule(Params params) {
        this(params, new State(params.startBer(), 0, 0, false, "", 0));
    }

    public CurriculumSchedule(Params params, State state) {
        this.params = params;
        this.state = state;
    }

    public Params params() {
        return params;
    }

    public State state() {
        return state;
    }

    /** The BER of the next epoch. */
    public double ber() {
        return state.ber();
    }

    public boolean done() {
        return state.done();
    }

    /** The largest BER the network recovered at so far (0 if none). */
    public double boostedBer() {
        return state.boostedBer();
    }

    /**
     * Records an epoch's validation accuracy at {@link #ber()}; returns whether it recovered.
     */
    public boolean observe(double accuracy, double target) {
        if (state.done()) {
            throw new IllegalStateException("curriculum already ended: " + state.stopReason());
        }
        double ber = state.ber();
        int atBer = state.epochsAtBer() + 1;
        int refined = state.refined();
        boolean fixed = params.factor() == 1;
        if (accuracy >= target) {
            if (fixed) {
                state = new State(ber, atBer, ber, false, "", refined);
            } else if (ber >= params.maxBer()) {
                state = new State(ber, atBer, ber, true, "recovered at the maximum BER " + ber, refined);
            } else {
                state = new State(Math.min(ber * factor(), params.maxBer()), 0, ber, false, "", refined);
            }
            return true;
        }
        if (atBer < params.patience()) {
            state = new State(ber, atBer, state.boostedBer(), false, "", refined);
        } else if (refined < params.refinements() && state.boostedBer() > 0) {
            refined++;
            double next = Math.min(state.boostedBer() * Math.pow(params.factor(), Math.pow(0.5, refined)), params.maxBer());
            state = new State(next, 0, state.boostedBer(), false, "", refined);
        } else {
            state = new State(ber, atBer, state.boostedBer(), true,
                    "no recovery in " + atBer + " epoch(s) at BER " + ber
                            + (refined > 0 ? " (step halved " + refined + " time(s))" : ""), refined);
        }
        return false;
    }

    /** The factor of the next step: the configured one, its square root after one refinement, and so on. */
    public double factor() {
        return Math.pow(params.factor(), Math.pow(0.5, state.refined()));
    }
}
