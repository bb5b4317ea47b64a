package org.undervolt.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.InvalidInputException;
import org.undervolt.Provenance;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.model.Sequential;
import org.undervolt.io.AtomicFiles;
import org.undervolt.io.Json;

/**
 * What {@code undervolt retrain --network lenet5|mlp} does: get the baseline network (a model file,
 * or trained now and kept as {@code base.uvnn}), retrain it (curricular or RandBET) on the first
 * training images with the last ones held out for validation, checkpointing every epoch to
 * {@code retrain.ckpt}, and write {@code retrained.uvnn} and {@code retrain.json} under the output folder.
 */
public final class RetrainRun {

    /**
     * @param network         {@code lenet5} or {@code mlp} (ignored with a model file)
     * @param model           a baseline model file, or null to train one
     * @param baseEpochs      epochs of baseline training (without a model file)
     * @param trainImages     retraining images (the first ones of the training set)
     * @param validationImages held-out images (the last ones of the training set)
     * @param retrain         retraining settings
     * @param setup           what lives in approximate DRAM
     * @param out             output folder
     */
    public record Options(String network, Path model, int baseEpochs, int trainImages, int validationImages,
            CurricularRetrainer.Config retrain, SetupSpec setup, Path out) {
    }

    private RetrainRun() {
    }

    public static Map<String, Object> run(Options o, ImageDataset train, Consumer<String> log) {
        return run(o, train, log, WorkProgress.NONE);
    }

    /** As {@link #run(Options, ImageDataset, Consumer)}, telling {@code batches} about every retraining mini-batch. */
    public static Map<String, Object> run(Options o, ImageDataset train, Consumer<String> log, WorkProgress batches) {
        if (o.validationImages() < 1 || o.validationImages() >= train.size()) {
            throw new InvalidInputException("--validation-images " + o.validationImages() + ": expected 1.."
                    + (train.size() - 1));
        }
        int valFrom = train.size() - o.validationImages();
        ImageDataset validation = train.slice(valFrom, train.size());
        ImageDataset pool = train.slice(0, valFrom);
        ImageDataset retrainSet = pool.slice(0, Math.min(o.trainImages(), pool.size()));
        Sequential base = o.model() != null ? DnnModels.load(o.model())
                : DnnModels.baseline(o.network(), o.baseEpochs(), o.retrain().seed(), pool, o.out().resolve("base.uvnn"), log);
        StorageSetup setup = o.setup().build(base);
        CurricularRetrainer.Result r = new CurricularRetrainer(o.retrain()).run(base, retrainSet, validation, setup,
                o.out().resolve("retrain.ckpt"), e -> log.accept(String.format(
                        "epoch %d: BER %.3g, loss %.4f, validation accuracy with errors %.4f%s (%.1f s)", e.epoch(),
                        e.ber(), e.loss(), e.validationAccuracy(), e.recovered() ? ", recovered -> next BER "
                                + String.format("%.3g", e.nextBer()) : "", e.seconds())), batches);
        Path modelOut = o.out().resolve("retrained.uvnn");
        DnnModels.save(r.model(), Map.of("retraining", o.retrain().toString()), modelOut);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("network", o.model() != null ? o.model().toString() : o.network());
        out.put("mode", o.retrain().mode().name().toLowerCase());
        out.put("baseline_validation_accuracy", r.baseline());
        out.put("boosted_ber", r.boostedBer());
        out.put("stop_reason", r.stopReason());
        out.put("resumed_at_epoch", r.resumedAt());
        out.put("schedule_rule", o.retrain().mode() == CurricularRetrainer.Mode.RANDBET
                ? "fixed BER " + o.retrain().schedule().startBer() + ", weights clipped to +-" + o.retrain().clip()
                : "after an epoch whose mean validation accuracy with errors at the current BER is >= baseline - "
                        + o.retrain().delta() + ", BER *= " + o.retrain().schedule().factor() + " (capped at "
                        + o.retrain().schedule().maxBer() + "); stop after " + o.retrain().schedule().patience()
                        + " epoch(s) without recovery at one BER"
                        + (o.retrain().schedule().refinements() > 0 ? " after halving the failed step (log space) up to "
                                + o.retrain().schedule().refinements() + " time(s), each restarted from the network that"
                                + " last recovered" : "")
                        + (o.retrain().clip() > 0 ? "; weights clipped to +-" + o.retrain().clip() : "")
                        + (o.retrain().clipRms() > 0 ? "; each weight tensor clipped to " + o.retrain().clipRms()
                                + " x its RMS in the baseline" : "")
                        + (o.retrain().reluCapPercentile() > 0 ? "; each ReLU capped at the "
                                + o.retrain().reluCapPercentile() + "th percentile of its baseline outputs" : ""));
        out.put("relu_caps", r.reluCaps());
        out.put("history", r.history());
        out.put("train_images", retrainSet.size());
        out.put("validation_images", validation.size());
        out.put("settings", o.retrain());
        out.put("setup", o.setup().describe());
        out.put("model_file", modelOut.toString());
        out.put("provenance", Provenance.describe());
        AtomicFiles.write(o.out().resolve("retrain.json"), (Json.write(out) + "\n").getBytes(StandardCharsets.UTF_8));
        return out;
    }
}
