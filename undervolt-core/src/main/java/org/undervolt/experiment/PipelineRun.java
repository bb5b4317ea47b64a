package org.undervolt.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.data.ImageDataset;
import org.undervolt.io.AtomicFiles;
import org.undervolt.io.Json;

/**
 * Runs (or resumes) one {@code eden} or {@code sparkxd} pipeline in its folder, records it in the
 * results store, and writes {@code report.html} and {@code summary.json} there.
 *
 * @param kind      {@link EdenPipeline#KIND} or {@link SparkxdPipeline#KIND}
 * @param out       the run folder (also the resume point)
 * @param storeFile results store, or null to record nothing
 * @param threads   SNN evaluation threads (results do not depend on it)
 * @param hook      called after each stage (tests simulate kills with it), or null
 */
public record PipelineRun(String kind, PipelineConfig config, Path out, Path storeFile, int threads, Stages.Hook hook) {

    /** The headline figures (also in {@code summary.json}). */
    public Map<String, Object> run(ImageDataset train, ImageDataset test, Consumer<String> log) {
        EdenPipeline eden = kind.equals(EdenPipeline.KIND) ? new EdenPipeline(config, train, test, log) : null;
        SparkxdPipeline snn = eden == null ? new SparkxdPipeline(config, train, test, threads, log) : null;
        if (eden != null) {
            eden.check();
        } else {
            snn.check();
        }
        try (Stages stages = new Stages(out, config, storeFile, log, hook)) {
            try {
                Map<String, Map<String, Object>> results = eden != null ? eden.run(stages) : snn.run(stages);
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("run_id", stages.runId().isPresent() ? stages.runId().getAsLong() : null);
                extra.put("store", storeFile == null ? null : storeFile.toString());
                extra.put("folder", out.toString());
                extra.put("report", out.resolve("report.html").toString());
                Map<String, Object> summary = PipelineSummary.of(kind, results, extra);
                summary.put("operating_points", RetrainingPoints.of(config, summary.get("tolerable_ber_without_retraining"),
                        summary.get("tolerable_ber_with_retraining")));
                Map<String, Object> forReport = new LinkedHashMap<>(summary);
                forReport.put("run_title", stages.runId().isPresent() ? " — run " + stages.runId().getAsLong() : "");
                PipelineReport.of(kind, config, results, forReport).write(out.resolve("report.html"));
                AtomicFiles.write(out.resolve("summary.json"), (Json.write(summary) + "\n").getBytes(StandardCharsets.UTF_8));
                stages.finish(summary);
                log.accept("wrote " + out.resolve("report.html"));
                return summary;
            } catch (RuntimeException e) {
                stages.fail();
                throw e;
            }
        }
    }
}
