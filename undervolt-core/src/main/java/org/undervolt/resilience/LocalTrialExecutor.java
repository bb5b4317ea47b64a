package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.List;

/**
 * Trials in this JVM, one after another: each full trial evaluated on every image, each paired trial
 * opened (its errors drawn) once per point and then looked at chunk by chunk.
 */
final class LocalTrialExecutor implements TrialExecutor {

    @Override
    public String where() {
        return "local";
    }

    @Override
    public List<TrialEvaluator.Outcome> full(TargetTrials trials, double ber, List<TrialSeed> seeds, Runnable eachDone) {
        TrialEvaluator evaluator = trials.evaluator();
        List<TrialEvaluator.Outcome> out = new ArrayList<>(seeds.size());
        for (TrialSeed s : seeds) {
            out.add(evaluator.evaluate(ber, s.stream()));
            eachDone.run();
        }
        return out;
    }

    @Override
    public SequentialPoint.Rounds rounds(TargetTrials trials, double ber, List<TrialSeed> seeds, int[] order) {
        PairedTrials paired = trials.paired();
        List<PairedTrials.Trial> open = new ArrayList<>(seeds.size());
        for (TrialSeed s : seeds) {
            open.add(paired.open(ber, s.stream()));
        }
        return (from, to) -> {
            List<PairedTrials.Chunk> chunks = new ArrayList<>(open.size());
            for (PairedTrials.Trial t : open) {
                chunks.add(t.correct(order, from, to));
            }
            return chunks;
        };
    }

    @Override
    public String toString() {
        return "local";
    }
}
