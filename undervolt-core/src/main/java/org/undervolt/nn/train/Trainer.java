package org.undervolt.nn.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.io.TrainingState;
import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.random.Permutations;
import org.undervolt.random.Seeds;

/**
 * Mini-batch training of a classifier with softmax cross-entropy.
 *
 * <p>Epoch {@code e} visits the images in the order of a Fisher–Yates shuffle drawn from
 * {@code Seeds.stream(seed, SHUFFLE, e)}; with the fixed summation order of the kernels, a run is
 * bit-identical for any thread count.
 *
 * @param config    epochs, batch size, learning rate and seed
 * @param optimizer the update rule (its state arrays are what a checkpoint of the run saves)
 * @param schedule  the learning rate of each epoch
 */
public record Trainer(TrainConfig config, Optimizer optimizer, LrSchedule schedule) {
    /** Stream id of the per-epoch shuffles. */
    static final long SHUFFLE = 0x5348_5546L;
    /** Stream id of the per-step randomness given to layers (dropout). */
    static final long STEP = 0x5354_4550L;

    /** SGD with the config's momentum and weight decay, constant learning rate. */
    public Trainer(TrainConfig config) {
        this(config, new Sgd(config.momentum(), config.weightDecay()), LrSchedule.constant());
    }

    /** Trains {@code model} in place on {@code data}. */
    public TrainingResult train(Sequential model, ImageDataset data, ProgressListener listener) {
        return train(model, data, LayerHooks.NONE, listener);
    }

    /**
     * Trains {@code model} in place, with {@code hooks} applied in every training forward pass
     * (e.g. errors injected into weights and feature maps for fault-aware retraining).
     */
    public TrainingResult train(Sequential model, ImageDataset data, LayerHooks hooks, ProgressListener listener) {
        return train(model, data, hooks, listener, null);
    }

    /**
     * Where a run keeps its resumable state: {@code file} is rewritten after every epoch and, if it
     * exists when training starts, the run continues after its last finished epoch. A resumed run
     * is bit-identical to an uninterrupted one (shuffles and dropout derive from the seed, epoch and
     * step; the optimizer state is restored).
     *
     * @param file   the state file
     * @param runTag what else identifies the run (e.g. the learning-rate schedule's name); the state
     *               is only accepted by a run with the same tag, config, optimizer, model and data
     */
    public record Resume(Path file, String runTag) {
    }

    /** Trains with optional resumable state ({@code resume} may be null). */
    public TrainingResult train(Sequential model, ImageDataset data, LayerHooks hooks, ProgressListener listener,
                                Resume resume) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("empty training set " + data.name());
        }
        long stepsPerEpoch = stepsPerEpoch(data.size());
        long totalSteps = stepsPerEpoch * config.epochs();
        List<Parameter> params = model.parameters();
        List<Double> losses = new ArrayList<>();
        long start = System.nanoTime();
        long step = 0;
        String fingerprint = resume == null ? "" : fingerprint(resume.runTag(), model, data);
        if (resume != null && Files.exists(resume.file())) {
            step = restore(resume.file(), fingerprint, model, losses);
        }
        for (int epoch = losses.size() + 1; epoch <= config.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            double loss = epoch(model, data, hooks, epoch, step, totalSteps, s -> { });
            step += stepsPerEpoch;
            losses.add(loss);
            if (resume != null) {
                try {
                    TrainingState.save(resume.file(), fingerprint, losses, step, model, optimizer.state(params));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write training state " + resume.file(), e);
                }
            }
            listener.onEpoch(epoch, loss, (System.nanoTime() - epochStart) / 1e9);
        }
        return new TrainingResult(losses, (System.nanoTime() - start) / 1e9, step);
    }

    /** Optimizer steps of one epoch over {@code images} images. */
    public long stepsPerEpoch(int images) {
        return (images + config.batchSize() - 1) / config.batchSize();
    }

    /**
     * One epoch of training in place, exactly as {@link #train} runs its epoch {@code epoch} (1-based): the
     * images in the order of that epoch's shuffle, {@code hooks} in every forward pass, steps numbered from
     * {@code firstStep} (they seed the layers' randomness and tell the hooks the batch), the learning rate
     * scaled by the schedule at each step of {@code totalSteps}. For callers that decide between epochs what
     * the next one does (a curriculum that changes the hooks); the optimizer keeps its state across calls.
     *
     * @param stepDone told the steps done in this epoch after each one
     * @return the mean training loss over the epoch's steps
     */
    public double epoch(Sequential model, ImageDataset data, LayerHooks hooks, int epoch, long firstStep,
                        long totalSteps, LongConsumer stepDone) {
        int[] itemShape = model.inputShape();
        int n = data.size();
        int batchSize = config.batchSize();
        List<Parameter> params = model.parameters();
        int[] order = shuffle(n, Seeds.stream(config.seed(), SHUFFLE, epoch));
        double lossSum = 0;
        long step = firstStep;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            Tensor x = Batches.images(data, order, from, to, itemShape);
            int[] y = Batches.labels(data, order, from, to);
            ForwardContext ctx = new ForwardContext(true, Seeds.derive(config.seed(), STEP, step), step, hooks);
            model.zeroGrad();
            Tensor logits = model.forward(x, ctx);
            Tensor grad = Tensor.zeros(logits.shape());
            lossSum += SoftmaxCrossEntropy.loss(logits, y, grad);
            model.backwardParameters(grad);
            optimizer.step(params, config.learningRate() * schedule.factor(step, totalSteps));
            step++;
            stepDone.accept(step - firstStep);
        }
        return lossSum / stepsPerEpoch(n);
    }

    private String fingerprint(String tag, Sequential model, ImageDataset data) {
        return tag + "|" + config + "|" + optimizer.getClass().getSimpleName() + "|" + model + "|"
                + model.parameterCount() + "|" + data.name() + ":" + data.size();
    }

    /** Loads a state file into the model and optimizer; returns the step count, fills the finished epochs' losses. */
    private long restore(Path file, String fingerprint, Sequential model, List<Double> losses) {
        TrainingState.Snapshot s;
        try {
            s = TrainingState.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read training state " + file, e);
        }
        if (!s.fingerprint().equals(fingerprint)) {
            throw new InvalidInputException(file + ": training state of a different run (" + s.fingerprint()
                    + "); delete it or use another file");
        }
        if (s.epoch() > config.epochs()) {
            throw new InvalidInputException(file + ": holds " + s.epoch() + " epochs, this run has " + config.epochs());
        }
        List<Parameter> to = model.parameters();
        List<Parameter> from = s.model().parameters();
        for (int i = 0; i < to.size(); i++) {
            System.arraycopy(from.get(i).data(), 0, to.get(i).data(), 0, to.get(i).size());
        }
        List<float[]> opt = optimizer.state(to);
        if (opt.size() != s.optimizerState().size()) {
            throw new InvalidInputException(file + ": optimizer state does not match this run");
        }
        for (int i = 0; i < opt.size(); i++) {
            float[] src = s.optimizerState().get(i);
            if (src.length != opt.get(i).length) {
                throw new InvalidInputException(file + ": optimizer state does not match this run");
            }
            System.arraycopy(src, 0, opt.get(i), 0, src.length);
        }
        optimizer.restoreSteps(s.steps());
        losses.addAll(s.epochLosses());
        return s.steps();
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher–Yates, Knuth TAOCP vol. 2, Algorithm P). */
    static int[] shuffle(int n, SplittableRandom rng) {
        return Permutations.random(n, rng);
    }
}
