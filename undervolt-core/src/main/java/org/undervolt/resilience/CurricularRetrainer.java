package org.undervolt.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.ClippedWeights;
import org.undervolt.nn.train.LrSchedule;
import org.undervolt.nn.train.Optimizer;
import org.undervolt.nn.train.Sgd;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
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
 * one at the end of the last epoch that recovered, and when the schedule halves a step that failed, training
 * resumes from that model (momentum zeroed), not from the one the failed epochs left.
 *
 * <p><b>RandBET</b> (Stutz et al., "Bit Error Robustness for Energy-Efficient DNN Accelerators",
 * MLSys 2021), for comparison: weights clipped to {@code [-clip, clip]} after every step, random bit
 * errors at one fixed BER in the stored weights only, all epochs run, the final model kept.
 *
 * <p>Curricular retraining may also clip: with per-tensor scales a flipped high bit moves a weight by
 * about {@code max|w|}, and the gradient cannot see that growing weights also grows every error, so
 * clipping is the one lever on it. The bound is absolute ({@code clip}, RandBET's) or relative to each
 * weight tensor's own spread in the starting network ({@code clipRms}: {@code k × RMS(w)}), which suits
 * networks whose layers differ in scale (LeNet-5's conv1 weights have an RMS of 0.44, fc1's 0.09: one
 * absolute bound of 0.1 cuts conv1 to a quarter and destroys the network).
 *
 * <p>The same holds for stored IFMs, whose range is the largest activation the network produces: with
 * {@code reluCapPercentile} every top-level ReLU of the retrained network is capped at that percentile of its
 * outputs in the starting network ({@link ReluCaps}), so the stored range, and with it the error of a flipped
 * high bit, shrinks; the network learns to work with the cap while the BER rises, and keeps it. The starting
 * network's accuracy (the recovery target) is measured as it was, uncapped.
 *
 * <p>The training itself is {@link Trainer}'s: one {@link Trainer#epoch} per curriculum epoch, SGD with
 * momentum ({@link Sgd}: {@code v = μv + g; w -= lr·v}), wrapped in {@link ClippedWeights} when a bound is
 * set, steps numbered across epochs. Randomness: epoch {@code e} shuffles as the trainer's epoch {@code e}
 * (from the seed) and draws errors from {@code (seed, ERRORS, e)} and the step.
 * With a checkpoint file the complete state is saved atomically after every epoch
 * ({@link RetrainCheckpoint}); a run killed and restarted with the same inputs continues from the
 * last finished epoch and ends with the same model, bit for bit, as an uninterrupted run.
 */
public final class CurricularRetrainer {
    static final long ERRORS = 0x4552_5253L;
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
     * @param clip             absolute weight clipping bound applied after every step (required by RandBET;
     *                         0 = none)
     * @param delta            accepted accuracy loss defining recovery (fraction)
     * @param validationTrials error draws per validation
     * @param profileImages    training images profiled for IFM bounds
     * @param clipRms          relative bound: each weight tensor clipped to {@code clipRms × RMS} of its values
     *                         in the starting network (0 = none); with {@code clip} too, the tighter bound holds
     * @param reluCapPercentile each top-level ReLU of the retrained network capped at this percentile of its
     *                         outputs in the starting network ({@link ReluCaps}, on the first {@code profileImages}
     *                         training images; 0 = no cap)
     */
    public record Config(Mode mode, int epochs, int batchSize, float learningRate, float momentum, long seed,
            CurriculumSchedule.Params schedule, float clip, double delta, int validationTrials, int profileImages,
            float clipRms, double reluCapPercentile) {
        public Config {
            if (epochs < 0 || batchSize < 1 || !(learningRate > 0) || !(momentum >= 0 && momentum < 1)
                    || validationTrials < 1 || profileImages < 1 || !(clip >= 0) || (mode == Mode.RANDBET && !(clip > 0))
                    || !(clipRms >= 0) || Float.isInfinite(clipRms)
                    || !(reluCapPercentile >= 0 && reluCapPercentile <= 100)) {
                throw new InvalidInputException("retraining settings out of range: " + this);
            }
        }

        /** Without a ReLU cap. */
        public Config(Mode mode, int epochs, int batchSize, float learningRate, float momentum, long seed,
                CurriculumSchedule.Params schedule, float clip, double delta, int validationTrials, int profileImages,
                float clipRms) {
            this(mode, epochs, batchSize, learningRate, momentum, seed, schedule, clip, delta, validationTrials,
                    profileImages, clipRms, 0);
        }

        /** Without a relative bound. */
        public Config(Mode mode, int epochs, int batchSize, float learningRate, float momentum, long seed,
                CurriculumSchedule.Params schedule, float clip, double delta, int validationTrials, int profileImages) {
            this(mode, epochs, batchSize, learningRate, momentum, seed, schedule, clip, delta, validationTrials,
                    profileImages, 0f, 0);
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
     * @param reluCaps   the cap of each ReLU the retraining capped, by layer name (empty without
     *                   {@code reluCapPercentile}); the kept model has them unless it is the starting network
     */
    public record Result(Sequential model, double baseline, double boostedBer, List<Epoch> history,
            String stopReason, int resumedAt, Map<String, Float> reluCaps) {
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

        Map<String, Float> caps = config.reluCapPercentile() > 0
                ? ReluCaps.profile(start, train, config.profileImages(), config.reluCapPercentile()) : Map.of();
        Sequential model = ReluCaps.apply(start, caps); // the network retrained: its ReLUs capped, if asked
        Sequential kept = start.copy(); // until an epoch recovers, the starting network as it was
        Trainer trainer = trainer(start);
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
            restoreOptimizer(trainer.optimizer(), model, parts.velocity());
            epoch = state.path("epoch").asInt();
            JsonNode s = state.path("schedule");
            schedule = new CurriculumSchedule(config.schedule(), new CurriculumSchedule.State(s.path("ber").asDouble(),
                    component(s, "epochsAtBer").asInt(), component(s, "boostedBer").asDouble(), s.path("done").asBoolean(),
                    component(s, "stopReason").asText(), s.path("refined").asInt()));
            for (JsonNode h : state.path("history")) {
                history.add(new Epoch(h.path("epoch").asInt(), h.path("ber").asDouble(), h.path("loss").asDouble(),
                        component(h, "validationAccuracy").asDouble(), h.path("recovered").asBoolean(),
                        component(h, "nextBer").asDouble(), h.path("seconds").asDouble()));
            }
        }
        int resumedAt = epoch;
        long perEpoch = trainer.stepsPerEpoch(train.size());
        trainer.optimizer().restoreSteps(perEpoch * resumedAt);
        long total = perEpoch * config.epochs();
        long skipped = perEpoch * resumedAt;
        batches.update(Math.min(skipped, total), skipped, total);
        while (epoch < config.epochs() && !schedule.done()) {
            epoch++;
            long t0 = System.nanoTime();
            double ber = schedule.ber();
            long before = perEpoch * (epoch - 1);
            LayerHooks hooks = faults(model, setup, train).trainingHooks(bers(setup, ber),
                    Seeds.derive(config.seed(), ERRORS, epoch));
            double loss = trainer.epoch(model, train, hooks, epoch, before, total,
                    step -> batches.update(before + step, skipped, total));
            double acc = validate(model, train, validation, setup, ber, epoch);
            int refinedBefore = schedule.state().refined();
            boolean recovered = schedule.observe(acc, target);
            if (config.mode() == Mode.RANDBET || recovered) {
                kept = model.copy();
            } else if (schedule.state().refined() > refinedBefore) {
                restart(model, kept, trainer.optimizer()); // the smaller step starts from the network that recovered
            }
            Epoch e = new Epoch(epoch, ber, loss, acc, recovered, schedule.ber(), (System.nanoTime() - t0) / 1e9);
            history.add(e);
            if (checkpoint != null) {
                RetrainCheckpoint.write(checkpoint, new RetrainCheckpoint.Parts(state(fingerprint, epoch, schedule.state(),
                        history), model, kept, velocity(trainer.optimizer(), model)));
            }
            listener.epochDone(e);
        }
        String reason = schedule.done() ? schedule.state().stopReason() : "ran " + epoch + " epoch(s)";
        double boosted = config.mode() == Mode.RANDBET ? config.schedule().startBer() : schedule.boostedBer();
        return new Result(kept, baseline, boosted, history, reason, resumedAt, caps);
    }

    /**
     * The trainer of every epoch: SGD with momentum at a constant rate, no weight decay, each step followed by
     * clipping when a bound is set (the tighter of {@code clip} and {@code clipRms × RMS} of the tensor in
     * {@code start}).
     */
    private Trainer trainer(Sequential start) {
        TrainConfig tc = new TrainConfig(config.epochs(), config.batchSize(), config.learningRate(), config.momentum(),
                0f, config.seed());
        Optimizer sgd = new Sgd(config.momentum(), 0f);
        Map<String, Float> bounds = clipBounds(start);
        return new Trainer(tc, bounds.isEmpty() ? sgd : new ClippedWeights(sgd, bounds), LrSchedule.constant());
    }

    /** Each weight tensor's clipping bound (none when neither bound is set). */
    Map<String, Float> clipBounds(Sequential start) {
        Map<String, Float> bounds = new LinkedHashMap<>();
        if (config.clip() == 0 && config.clipRms() == 0) {
            return bounds;
        }
        for (Parameter p : start.parameters()) {
            if (p.kind() != ParameterKind.WEIGHT || !p.trainable()) {
                continue;
            }
            float b = Float.POSITIVE_INFINITY;
            if (config.clip() > 0) {
                b = config.clip();
            }
            if (config.clipRms() > 0) {
                double sq = 0;
                for (float w : p.data()) {
                    sq += (double) w * w;
                }
                float rel = (float) (config.clipRms() * Math.sqrt(sq / Math.max(1, p.size())));
                if (rel > 0) {
                    b = Math.min(b, rel);
                }
            }
            if (b < Float.POSITIVE_INFINITY) {
                bounds.put(p.name(), b);
            }
        }
        return bounds;
    }

    /**
     * Puts the kept network's weights back into the working one and zeroes the optimizer's momentum: the
     * epochs that failed at a too-large step may have driven the network away (at a BER it cannot follow,
     * the training loss of LeNet-5 rose from 0.06 to 0.6 in three epochs), and a halved step should start
     * from the network that last recovered.
     */
    private static void restart(Sequential model, Sequential kept, Optimizer optimizer) {
        List<Parameter> to = model.parameters();
        List<Parameter> from = kept.parameters();
        for (int k = 0; k < to.size(); k++) {
            System.arraycopy(from.get(k).data(), 0, to.get(k).data(), 0, to.get(k).size());
        }
        for (float[] a : optimizer.state(to)) {
            java.util.Arrays.fill(a, 0f);
        }
    }

    /** The optimizer's momentum as a model shaped like {@code model} (zero where a parameter has none), for the checkpoint. */
    private static Sequential velocity(Optimizer optimizer, Sequential model) {
        Sequential v = model.copy();
        List<Parameter> params = model.parameters();
        List<Parameter> out = v.parameters();
        java.util.Iterator<float[]> state = optimizer.state(params).iterator();
        for (int k = 0; k < params.size(); k++) {
            float[] dst = out.get(k).data();
            if (params.get(k).trainable() && state.hasNext()) {
                System.arraycopy(state.next(), 0, dst, 0, dst.length);
            } else {
                java.util.Arrays.fill(dst, 0f);
            }
        }
        return v;
    }

    /** Loads the momentum saved by {@link #velocity} into the optimizer's state for {@code model}'s parameters. */
    private static void restoreOptimizer(Optimizer optimizer, Sequential model, Sequential velocity) {
        List<Parameter> params = model.parameters();
        List<Parameter> saved = velocity.parameters();
        java.util.Iterator<float[]> state = optimizer.state(params).iterator();
        for (int k = 0; k < params.size(); k++) {
            if (params.get(k).trainable() && state.hasNext()) {
                float[] dst = state.next();
                System.arraycopy(saved.get(k).data(), 0, dst, 0, dst.length);
            }
        }
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

    /**
     * Record component {@code name} of a saved state: snake_case as written now, camelCase in a checkpoint written
     * before {@link Json} named nested records' keys one way ({@link Json#key}).
     */
    private static JsonNode component(JsonNode record, String name) {
        String key = Json.key(record::has, name);
        return record.path(key == null ? name : key);
    }

    private static JsonNode readState(Path file, String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new InvalidInputException(file + ": unreadable retraining state (" + e.getMessage() + ")");
        }
    }
}
