package org.undervolt.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.data.ImageDataset;
import org.undervolt.io.AtomicFiles;
import org.undervolt.io.Json;
import org.undervolt.resilience.TrialExecutor;

/**
 * Runs (or resumes) one {@code eden} or {@code sparkxd} pipeline in its folder, records it in the
 * results store, and writes {@code report.html} and {@code summary.json} there.
 *
 * @param kind      {@link EdenPipeline#KIND} or {@link SparkxdPipeline#KIND}
 * @param out       the run folder (also the resume point)
 * @param storeFile results store, or null to record nothing
 * @param threads   SNN evaluation threads (results do not depend on it)
 * @param hook      called after each stage (tests simulate kills with it), or null
 * @param executor  where the tolerance stages' Monte-Carlo trials run (the same results anywhere; the
 *                  summary and the report say where: {@code runner})
 */
public record PipelineRun(String kind, PipelineConfig config, Path out, Path storeFile, int threads, Stages.Hook hook,
        TrialExecutor executor) {

    /** The trials on this JVM ({@link TrialExecutor#LOCAL}). */
    public PipelineRun(String kind, PipelineConfig config, Path out, Path storeFile, int threads, Stages.Hook hook) {
        this(kind, config, out, storeFile, threads, hook, TrialExecutor.LOCAL);
    }

    /** The headline figures (also in {@code summary.json}). */
    public Map<String, Object> run(ImageDataset train, ImageDataset test, Consumer<String> log) {
        EdenPipeline eden = kind.equals(EdenPipeline.KIND) ? new EdenPipeline(config, train, test, log, executor) : null;
        SparkxdPipeline snn = eden == null ? new SparkxdPipeline(config, train, test, threads, log, executor) : null;
        config.checkTogether();
        if (eden != null) {
            eden.check();
        } else {
            snn.check();
        }
        try (Stages stages = new Stages(out, config, storeFile, log, hook)) {
            try {
                Map<String, Map<String, Object>> results = eden != null ? eden.run(stages) : snn.run(stages);
                var where = new PipelineSummary.Whereabouts(stages.runId().isPresent() ? stages.runId().getAsLong() : null,
                        storeFile == null ? null : storeFile.toString(), out.toString(), out.resolve("report.html").toString(),
                        runner(results), config.values(), org.undervolt.Provenance.describe());
                Map<String, Object> summary = PipelineSummary.withOperatingPoints(kind, results, where, config);
                PipelineReport.of(kind, config, results, summary, where,
                        stages.runId().isPresent() ? " — run " + stages.runId().getAsLong() : "").write(out.resolve("report.html"));
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

    /**
     * Where the tolerance trials ran: each tolerance stage's {@code runner} (a stage finished before runners
     * were recorded ran locally), distinct values joined with ", ".
     */
    static String runner(Map<String, Map<String, Object>> results) {
        java.util.Set<String> where = new java.util.LinkedHashSet<>();
        results.forEach((stage, r) -> {
            if (stage.startsWith("tolerance")) {
                where.add(r.get("runner") instanceof String s ? s : "local");
            }
        });
        return where.isEmpty() ? "local" : String.join(", ", where);
    }
}
