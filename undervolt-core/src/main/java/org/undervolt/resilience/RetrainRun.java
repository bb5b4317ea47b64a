package org.undervolt.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.InvalidInputException;
import org.undervolt.Provenance;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.DatasetFit;
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

    /**
     * What {@code retrain.json} holds (and {@code retrain --json} prints): its components are the keys in order
     * (snake_case).
     *
     * @param network                    the network's name, or the baseline model file
     * @param baselineValidationAccuracy error-free validation accuracy before retraining, stored as set up
     * @param boostedBer                 largest BER the network recovered at (curricular); the fixed BER (RandBET)
     * @param resumedAtEpoch             epochs already done when this run started (0: fresh)
     * @param scheduleRule               how the BER moved, in words
     * @param reluCaps                   each capped ReLU's cap, by layer name
     * @param history                    every epoch
     * @param settings                   the retraining settings
     * @param setup                      what lives in approximate DRAM ({@link SetupSpec#describe})
     * @param modelFile                  the retrained network's file
     */
    public record Report(String network, String mode, double baselineValidationAccuracy, double boostedBer,
            String stopReason, int resumedAtEpoch, String scheduleRule, Map<String, Float> reluCaps,
            List<CurricularRetrainer.Epoch> history, int trainImages, int validationImages,
            CurricularRetrainer.Config settings, Map<String, Object> setup, String modelFile,
            Map<String, Object> provenance) implements RetrainReport {
    }

    /** How the BER schedule moved, in words. */
    private static String scheduleRule(CurricularRetrainer.Config c) {
        return c.mode() == CurricularRetrainer.Mode.RANDBET
                ? "fixed BER " + c.schedule().startBer() + ", weights clipped to +-" + c.clip()
                : "after an epoch whose mean validation accuracy with errors at the current BER is >= baseline - "
                + c.delta() + ", BER *= " + c.schedule().factor() + " (capped at "
                + c.schedule().maxBer() + "); stop after " + c.schedule().patience()
                + " epoch(s) without recovery at one BER"
                + (c.schedule().refinements() > 0 ? " after halving the failed step (log space) up to "
                        + c.schedule().refinements() + " time(s), each restarted from the network that"
                        + " last recovered" : "")
                + (c.clip() > 0 ? "; weights clipped to +-" + c.clip() : "")
                + (c.clipRms() > 0 ? "; each weight tensor clipped to " + c.clipRms()
                        + " x its RMS in the baseline" : "")
                + (c.reluCapPercentile() > 0 ? "; each ReLU capped at the "
                        + c.reluCapPercentile() + "th percentile of its baseline outputs" : "");
    }

    public static Report run(Options o, ImageDataset train, Consumer<String> log) {
        return run(o, train, log, WorkProgress.NONE);
    }

    /** As {@link #run(Options, ImageDataset, Consumer)}, telling {@code batches} about every retraining mini-batch. */
    public static Report run(Options o, ImageDataset train, Consumer<String> log, WorkProgress batches) {
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
        DatasetFit.require(base, train, o.model() != null ? o.model().toString() : o.network());
        StorageSetup setup = o.setup().build(base);
        CurricularRetrainer.Result r = new CurricularRetrainer(o.retrain()).run(base, retrainSet, validation, setup,
                o.out().resolve("retrain.ckpt"), e -> log.accept(String.format(
                        "epoch %d: BER %.3g, loss %.4f, validation accuracy with errors %.4f%s (%.1f s)", e.epoch(),
                        e.ber(), e.loss(), e.validationAccuracy(), e.recovered() ? ", recovered -> next BER "
                                + String.format("%.3g", e.nextBer()) : "", e.seconds())), batches);
        Path modelOut = o.out().resolve("retrained.uvnn");
        DnnModels.save(r.model(), Map.of("retraining", o.retrain().toString()), modelOut);

        Report out = new Report(o.model() != null ? o.model().toString() : o.network(),
                o.retrain().mode().name().toLowerCase(), r.baseline(), r.boostedBer(), r.stopReason(), r.resumedAt(),
                scheduleRule(o.retrain()), r.reluCaps(), r.history(), retrainSet.size(), validation.size(), o.retrain(),
                o.setup().describe(), modelOut.toString(), Provenance.describe());
        AtomicFiles.write(o.out().resolve("retrain.json"), (Json.write(out) + "\n").getBytes(StandardCharsets.UTF_8));
        return out;
    }
}
