package org.undervolt.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.train.Batches;
import org.undervolt.nn.train.SoftmaxCrossEntropy;
import org.undervolt.random.Seeds;
import org.undervolt.io.Json;

/**
 * Retraining a DNN to tolerate the bit errors of approximate DRAM.
 *
 * <p><b>Curricular</b> (EDEN, Koppula et al., MICRO 2019, §4.1; docs/PAPERS.md §2.4): in every
 * training forward pass the stored weights are encoded, hit by errors from the chosen model at the
 * current BER and decoded (fresh errors every mini-batch), and so is every stored IFM (in its
 * format, scaled to the IFM range profiled on the error-free network at the start of each epoch);
 * value correction ({@link ValueBounds}) applies if the setup enables it. Backward is error-free and the gradient step
 * updates the clean weights. The BER follows a {@link CurriculumSchedule}; the model kept is the
 * one at the end of the last epoch that recovered.
 *
 * <p><b>RandBET</b> (Stutz et al., "Bit Error Robustness for Energy-Efficient DNN Accelerators",
 * MLSys 2021), for comparison: weights clipped to {@code [-clip, clip]} after every step, random bit
 * errors at one fixed BER in the stored weights only, all epochs run, the final model kept.
 *
 * <p>Curricular retraining may also clip (an option, off by default): with per-tensor scales a flipped
 * high bit moves a weight by about {@code max|w|}, and the gradient cannot see that growing weights
 * also grows every error, so clipping is the one lever on it.
 *
 * <p>Optimiser: SGD with momentum ({@code v = μv + g; w -= lr·v}). Randomness: epoch {@code e}
 * shuffles with {@code (seed, SHUFFLE, e)} and draws errors from {@code (seed, ERRORS, e, step)}.
 * With a checkpoint file the complete state is saved atomically after every epoch
 * ({@link RetrainCheckpoint}); a run killed and restarted with the same inputs continues from the
 * last finished epoch and ends with the same model, bit for bit, as an uninterrupted run.
 */
public final class CurricularRetrainer {
    static final long SHUFFLE = 0x5348_5546L;
    static final long ERRORS = 0x4552_5253L;
    static final long STEP = 0x5354_4550L;
    static final long VALIDATE = 0x5641_4C49L;

    /** Which retraining. */
    public enum Mode { CURRICULAR, RANDBET }

    /**
     * @param mode             curricular or RandBET
     * @param epochs           most epochs to run (the curriculum may end earlier)
     * @param batchSize        images per step
     * @param learningRate     SGD learning rate
     * @param momentum         SGD momentum in [0, 1)
     * @param seed             master seed
     * @param schedule         BER schedule (for RandBET: {@link CurriculumSchedule.Params#fixed})
     * @param clip             weight clipping bound applied after every step (required by RandBET; 0 =
     *                         none, the curricular default)
     * @param delta            accepted accuracy loss defining recovery (fraction)
     * @param validationTrials error draws per validation
     * @param profileImages    training images profiled for IFM bounds
     */
    public record Config(Mode mode, int epochs, int batchSize, float learningRate, float momentum, long seed,
            CurriculumSchedule.Params schedule, float clip, double delta, int validationTrials, int profileImages) {
        public Config {
            if (epochs < 0 || batchSize < 1 || !(learningRate > 0) || !(momentum >= 0 && momentum < 1)
                    || validationTrials < 1 || profileImages < 1 || !(clip >= 0) || (mode == Mode.RANDBET && !(clip > 0))) {
                throw new InvalidInputException("retraining settings out of range: " + this);
            }
        }
    }

    /** What one epoch did. */
    public record Epoch(int epoch, double ber, double loss, double validationAccuracy, boolean recovered,
            double nextBer, double seconds) {
    }

    /**
     * @param model      the network kept (see class comment)
     * @param baseline   error-free validation accuracy of the network before retraining, stored as set up
     * @param boostedBer largest BER the network recovered at (curricular); the fixed BER (RandBET)
     * @param history    every epoch, including those before a resume
     * @param stopReason why the run ended
     * @param resumedAt  epochs already done when this run started (0: fresh)
     */
    public record Result(Sequential model, double baseline, double boostedBer, List<Epoch> history,
            String stopReason, int resumedAt) {
    }

    /** Told after every epoch (after its checkpoint is written). */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = e -> {
        };

        void epochDone(Epoch e);
    }

    private final Config config;

    public CurricularRetrainer(Config config) {
        this.config = config;
    }

    /**
     * Retrains a copy of {@code start}.
     *
     * @param train      training images (shuffled per epoch)
     * @param validation held-out images for the recovery test
     * @param setup      what is stored in approximate DRAM, formats, error model, value correction
     * @param checkpoint file for per-epoch checkpoints, or null
     */
    public Result run(Sequential start, ImageDataset train, ImageDataset validation, StorageSetup setup,
            Path checkpoint, Listener listener) {
        return run(start, train, validation, setup, checkpoint, listener, WorkProgress.NONE);
    }

    /**
     * As {@link #run(Sequential, ImageDataset, ImageDataset, StorageSetup, Path, Listener)}, also telling
     * {@code batches} after every mini-batch: {@code epochs × batches per epoch} in all (an upper bound: the
     * curriculum may end earlier), the epochs of a resumed checkpoint counted as skipped.
     */
    public Result run(Sequential start, ImageDataset train, ImageDataset validation, StorageSetup setup,
            Path checkpoint, Listener listener, WorkProgress batches) {
        String fingerprint = fingerprint(start, train, validation, setup);
        double baseline = new NetworkEvaluator(start, faults(start, setup, train), validation).baseline();
        double target = baseline - config.delta();

        Sequential model = start.copy();
        Sequential kept = start.copy();
        Sequential velocity = zeroed(start.copy());
        CurriculumSchedule schedule = new CurriculumSchedule(config.schedule());
        List<Epoch> history = new ArrayList<>();
        int epoch = 0;
        if (checkpoint != null && Files.exists(checkpoint)) {
            RetrainCheckpoint.Parts parts = RetrainCheckpoint.read(checkpoint);
            JsonNode state = readState(checkpoint, parts.state());
            if (!fingerprint.equals(state.path("fingerprint").asText())) {
                throw new InvalidInputException(checkpoint + ": checkpoint belongs to another retraining "
                        + "(different network, data or settings); delete it or use another --out");
            }
            model = parts.model();
            kept = parts.kept();
            velocity = parts.velocity();
            epoch = state.path("epoch").asInt();
            JsonNode s = state.path("schedule");
            schedule = new CurriculumSchedule(config.schedule(), new CurriculumSchedule.State(s.path("ber").asDouble(),
                    s.path("epochsAtBer").asInt(), s.path("boostedBer").asDouble(), s.path("done").asBoolean(),
                    s.path("stopReason").asText()));
            for (JsonNode h : state.path("history")) {
                history.add(new Epoch(h.path("epoch").asInt(), h.path("ber").asDouble(), h.path("loss").asDouble(),
                        h.path("validationAccuracy").asDouble(), h.path("recovered").asBoolean(),
                        h.path("nextBer").asDouble(), h.path("seconds").asDouble()));
            }
        }
        int resumedAt = epoch;
        long perEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        long total = perEpoch * config.epochs();
        long skipped = perEpoch * resumedAt;
        batches.update(Math.min(skipped, total), skipped, total);
        while (epoch < config.epochs() && !schedule.done()) {
            epoch++;
            long t0 = System.nanoTime();
            double ber = schedule.ber();
            long before = perEpoch * (epoch - 1);
            double loss = trainEpoch(model, velocity, train, setup, ber, epoch,
                    step -> batches.update(before + step, skipped, total));
            double acc = validate(model, train, validation, setup, ber, epoch);
            boolean recovered = schedule.observe(acc, target);
            if (config.mode() == Mode.RANDBET || recovered) {
                kept = model.copy();
            }
            Epoch e = new Epoch(epoch, ber, loss, acc, recovered, schedule.ber(), (System.nanoTime() - t0) / 1e9);
            history.add(e);
            if (checkpoint != null) {
                RetrainCheckpoint.write(checkpoint, new RetrainCheckpoint.Parts(
                        state(fingerprint, epoch, schedule.state(), history), model, kept, velocity));
            }
            listener.epochDone(e);
        }
        String reason = schedule.done() ? schedule.state().stopReason() : "ran " + epoch + " epoch(s)";
        double boosted = config.mode() == Mode.RANDBET ? config.schedule().startBer() : schedule.boostedBer();
        return new Result(kept, baseline, boosted, history, reason, resumedAt);
    }

    /** The BERs a training pass exposes: all stored sites (curricular) or the weights only (RandBET). */
    private Map<Site, Double> bers(StorageSetup setup, double ber) {
        return config.mode() == Mode.RANDBET ? setup.kind(DataKind.WEIGHTS, ber) : setup.uniform(ber);
    }

    private NetworkFaults faults(Sequential model, StorageSetup setup, ImageDataset train) {
        List<Integer> ifmLayers = setup.sites().stream().filter(s -> s.kind() == DataKind.IFMS).map(Site::layer).toList();
        ValueBounds bounds = ifmLayers.isEmpty() ? null
                : ValueBounds.profile(model, train, config.profileImages(), ifmLayers);
        return new NetworkFaults(model, setup, bounds);
    }

    private double trainEpoch(Sequential model, Sequential velocity, ImageDataset train, StorageSetup setup,
            double ber, int epoch, java.util.function.LongConsumer stepDone) {
        LayerHooks hooks = faults(model, setup, train).trainingHooks(bers(setup, ber), Seeds.derive(config.seed(), ERRORS, epoch));
        int n = train.size();
        int[] order = shuffle(n, Seeds.stream(config.seed(), SHUFFLE, epoch));
        int[] itemShape = model.inputShape();
        List<Parameter> params = model.parameters();
        List<Parameter> vel = velocity.parameters();
        double lossSum = 0;
        long steps = 0;
        for (int from = 0; from < n; from += config.batchSize()) {
            int to = Math.min(n, from + config.batchSize());
            Tensor x = Batches.images(train, order, from, to, itemShape);
            int[] y = Batches.labels(train, order, from, to);
            ForwardContext ctx = new ForwardContext(true, Seeds.derive(config.seed(), STEP, epoch, steps), steps, hooks);
            model.zeroGrad();
            Tensor logits = model.forward(x, ctx);
            Tensor grad = Tensor.zeros(logits.shape());
            lossSum += SoftmaxCrossEntropy.loss(logits, y, grad);
            model.backward(grad);
            step(params, vel);
            steps++;
            stepDone.accept(steps);
        }
        return lossSum / Math.max(1, steps);
    }

    private void step(List<Parameter> params, List<Parameter> vel) {
        float lr = config.learningRate();
        float mu = config.momentum();
        for (int k = 0; k < params.size(); k++) {
            Parameter p = params.get(k);
            if (!p.trainable()) {
                continue;
            }
            float[] w = p.data();
            float[] g = p.grad();
            float[] v = vel.get(k).data();
            boolean clip = config.clip() > 0 && p.kind() == ParameterKind.WEIGHT;
            for (int i = 0; i < w.length; i++) {
                v[i] = mu * v[i] + g[i];
                w[i] -= lr * v[i];
                if (clip) {
                    w[i] = Math.max(-config.clip(), Math.min(config.clip(), w[i]));
                }
            }
        }
    }

    private double validate(Sequential model, ImageDataset train, ImageDataset validation, StorageSetup setup,
            double ber, int epoch) {
        NetworkEvaluator ev = new NetworkEvaluator(model, faults(model, setup, train), validation);
        Map<Site, Double> bers = bers(setup, ber);
        double sum = 0;
        for (int t = 0; t < config.validationTrials(); t++) {
            sum += ev.accuracy(bers, Seeds.stream(config.seed(), VALIDATE, epoch, t));
        }
        return sum / config.validationTrials();
    }

    private static Sequential zeroed(Sequential m) {
        for (Parameter p : m.parameters()) {
            java.util.Arrays.fill(p.data(), 0f);
        }
        return m;
    }

    static int[] shuffle(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private String fingerprint(Sequential start, ImageDataset train, ImageDataset validation, StorageSetup setup) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        for (Parameter p : start.parameters()) {
            for (float f : p.data()) {
                int b = Float.floatToRawIntBits(f);
                crc.update(b);
                crc.update(b >>> 8);
                crc.update(b >>> 16);
                crc.update(b >>> 24);
            }
        }
        crc.update(train.pixels());
        crc.update(train.labels());
        crc.update(validation.pixels());
        crc.update(validation.labels());
        return config + " | " + setup.sites() + " " + setup.weightFormat().name() + "/" + setup.ifmFormat().name()
                + " " + setup.errorName() + " bounding=" + setup.bounding() + " | data+model crc "
                + Long.toHexString(crc.getValue());
    }

    private static String state(String fingerprint, int epoch, CurriculumSchedule.State s, List<Epoch> history) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("fingerprint", fingerprint);
        root.put("epoch", epoch);
        root.put("schedule", s);
        root.put("history", history);
        return Json.write(root);
    }

    private static JsonNode readState(Path file, String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new InvalidInputException(file + ": unreadable retraining state (" + e.getMessage() + ")");
        }
    }
}
