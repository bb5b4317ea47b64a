package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.nn.kernel.Parallel;

/**
 * Trials in this JVM: each full trial evaluated on every image, one after another; each paired trial
 * opened (its errors drawn) once per point and then looked at chunk by chunk, the pieces of a look's
 * trials sharing the cores.
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
        return (from, to) -> look(open, order, from, to);
    }

    /**
     * One look: the trials that may be cut ({@link PairedTrials.Trial#split()}) are evaluated as pieces of
     * all trials together on the cores (five trials of two batches each keep two cores busy where one trial
     * at a time could not), the others one after another; the same bits either way.
     */
    static List<PairedTrials.Chunk> look(List<PairedTrials.Trial> open, int[] order, int from, int to) {
        int t = open.size();
        PairedTrials.Chunk[] whole = new PairedTrials.Chunk[t];
        List<int[]> pieces = new ArrayList<>(); // {trial, first position}
        for (int k = 0; k < t; k++) {
            int s = open.get(k).split();
            if (s <= 0 || to - from <= s) {
                whole[k] = open.get(k).correct(order, from, to);
            } else {
                for (int lo = from; lo < to; lo += s) {
                    pieces.add(new int[] {k, lo});
                }
            }
        }
        PairedTrials.Chunk[] parts = new PairedTrials.Chunk[pieces.size()];
        Parallel.forEach(parts.length, i -> {
            int[] p = pieces.get(i);
            PairedTrials.Trial trial = open.get(p[0]);
            parts[i] = trial.correct(order, p[1], Math.min(to, p[1] + trial.split()));
        });
        for (int i = 0; i < parts.length; ) {
            int k = pieces.get(i)[0];
            boolean[] correct = new boolean[to - from];
            int nonfinite = 0;
            for (; i < parts.length && pieces.get(i)[0] == k; i++) {
                PairedTrials.Chunk c = parts[i];
                System.arraycopy(c.correct(), 0, correct, pieces.get(i)[1] - from, c.correct().length);
                nonfinite = nonfinite == TrialEvaluator.Outcome.NOT_COUNTED || c.nonfinite() == TrialEvaluator.Outcome.NOT_COUNTED
                        ? TrialEvaluator.Outcome.NOT_COUNTED : nonfinite + c.nonfinite();
            }
            whole[k] = new PairedTrials.Chunk(correct, nonfinite);
        }
        return List.of(whole);
    }

    @Override
    public String toString() {
        return "local";
    }
}
