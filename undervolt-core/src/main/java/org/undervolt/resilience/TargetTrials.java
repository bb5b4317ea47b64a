package org.undervolt.resilience;

/**
 * The trials of one search target: the model they run on here, the recipe that builds that model in
 * another JVM (null: they can only run here), and the family of BER maps that names the target's sites.
 *
 * @param model  the model built in this JVM
 * @param recipe how to build it elsewhere, or null
 * @param family the target's sites and rates
 */
public record TargetTrials(TrialModel model, TrialRecipe recipe, TrialFamily family) {

    public TargetTrials {
        java.util.Objects.requireNonNull(model, "model");
        java.util.Objects.requireNonNull(family, "family");
    }

    /** Trials that can only run in this JVM: {@code evaluator} for full trials, {@code paired} (or null) for paired ones. */
    public static TargetTrials local(TrialEvaluator evaluator, PairedTrials paired) {
        return new TargetTrials(new TrialModel() {
            @Override
            public TrialEvaluator evaluator(TrialFamily family) {
                return evaluator;
            }

            @Override
            public PairedTrials paired(TrialFamily family) {
                return paired;
            }

            @Override
            public boolean orderDependent(TrialFamily family) {
                return paired != null && paired.orderDependent();
            }
        }, null, TrialFamily.UNIFORM);
    }

    /** Whether the target's paired trials depend on the image order ({@link TrialModel#orderDependent}). */
    public boolean orderDependent() {
        return model.orderDependent(family);
    }

    /**
     * These trials as a full search visits them in order: paired trials are the model's reference ones
     * ({@link TrialModel#reference}), so a full search does not take a sequential one's shortcuts.
     */
    public TargetTrials reference() {
        TrialModel m = model;
        return new TargetTrials(new TrialModel() {
            @Override
            public TrialEvaluator evaluator(TrialFamily f) {
                return m.evaluator(f);
            }

            @Override
            public PairedTrials paired(TrialFamily f) {
                return m.reference(f);
            }

            @Override
            public boolean orderDependent(TrialFamily f) {
                return m.orderDependent(f);
            }
        }, recipe, family);
    }

    /** Full trials of the target, here. */
    public TrialEvaluator evaluator() {
        return model.evaluator(family);
    }

    /** Paired trials of the target, here (null when the model has none). */
    public PairedTrials paired() {
        return model.paired(family);
    }
}
