package org.undervolt.resilience;

import java.io.Serializable;

/**
 * How to build a {@link TrialModel} in any JVM: the network file's bytes, what is stored and how, and the
 * images, all by value, so that a recipe sent to another machine builds there the model the driver built,
 * and every trial gives the same bits ({@link TrialExecutor}).
 */
public interface TrialRecipe extends Serializable {

    /** What identifies the model built (content hashes): equal keys build equal models. */
    String key();

    /** Builds the model (once per JVM and thread is enough: it is reused for every trial). */
    TrialModel build();
}
