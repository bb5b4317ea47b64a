package org.undervolt.experiment;

import java.util.List;

/**
 * Runs every task of a sweep somewhere (this JVM, a cluster). Whatever the runner, the outcome of a
 * task depends on the spec and the task's identity only, so all runners give equal lists.
 */
public interface SweepRunner {

    /** The outcomes of {@link SweepSpec#tasks()}, in that order. */
    List<TrialOutcome> run(SweepSpec spec);
}
