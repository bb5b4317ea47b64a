package org.undervolt.usecase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.Provenance;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.train.DatasetFit;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.train.TrainingResult;

/**
 * Trains a DNN ({@link Trainer}: shuffles and steps derived from the seed, so a resumed run equals an uninterrupted
 * one), measures its test accuracy and saves its checkpoint. The implementation behind {@code undervolt train} and
 * the EDEN pipeline's baseline.
 */
public final class TrainUseCase {
    private TrainUseCase() {
    }

    /** Told after every epoch this process runs. */
    public interface EpochListener {
        /**
         * @param epoch   the 1-based epoch just finished
         * @param resumed epochs an earlier run had finished before this process started
         * @param loss    its mean training loss
         * @param seconds its wall time
         */
        void epoch(int epoch, int resumed, double loss, double seconds);
    }

    /**
     * @throws org.undervolt.InvalidInputException before any training when the network does not fit the training or
     *                                             the test images ({@link DatasetFit})
     */
    public static TrainResult run(TrainRequest r, EpochListener listener) {
        String network = r.metadata().getOrDefault("model", "network");
        DatasetFit.require(r.model(), r.train(), network);
        if (r.test() != null) {
            DatasetFit.require(r.model(), r.test(), network);
        }
        List<Double> epochSeconds = new ArrayList<>();
        long start = System.nanoTime();
        TrainingResult training = new Trainer(r.config(), r.optimizer(), r.schedule()).train(r.model(), r.train(),
                LayerHooks.NONE, (e, loss, s) -> {
                    int resumed = e - 1 - epochSeconds.size(); // epochs finished before this process
                    epochSeconds.add(s);
                    listener.epoch(e, resumed, loss, s);
                }, r.resume());
        Double accuracy = r.test() == null ? null : EvalUseCase.exact(Evaluator.accuracy(r.model(), r.test()));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (r.checkpoint() != null) {
            Map<String, String> meta = new LinkedHashMap<>(r.metadata());
            if (accuracy != null) {
                meta.put("test_accuracy", Double.toString(accuracy));
            }
            meta.put("undervolt_version", Provenance.version());
            meta.put("git_revision", Provenance.gitRevision());
            try {
                Checkpoint.save(r.model(), meta, r.checkpoint());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + r.checkpoint() + ": " + e.getMessage(), e);
            }
        }
        return new TrainResult(training, epochSeconds, r.config().epochs() - epochSeconds.size(), accuracy, seconds);
    }
}
