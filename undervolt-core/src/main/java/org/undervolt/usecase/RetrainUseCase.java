package org.undervolt.usecase;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.undervolt.resilience.WorkProgress;
import org.undervolt.resilience.RetrainRun;
import org.undervolt.resilience.SnnFatRun;

/**
 * Retrains a network to tolerate approximate DRAM, checkpointed in the request's folder (a rerun resumes), by
 * {@link RetrainRun} for a DNN and {@link SnnFatRun} for an SNN. The implementation behind {@code undervolt
 * retrain} and the pipelines' retraining stages.
 */
public final class RetrainUseCase {
    private RetrainUseCase() {
    }

    /**
     * @param log  progress notes
     * @param work told about the work done: mini-batches of a DNN, training images of an SNN
     */
    public static RetrainResult run(RetrainRequest r, Consumer<String> log, WorkProgress work) {
        if (r.dnn() != null) {
            var report = RetrainRun.run(r.dnn(), r.train(), log, work);
            return new RetrainResult(Path.of(report.modelFile()), report);
        }
        var report = SnnFatRun.run(r.snn(), r.train(), r.test(), log, work);
        return new RetrainResult(r.snn().out().resolve("fat.snn"), report);
    }
}
