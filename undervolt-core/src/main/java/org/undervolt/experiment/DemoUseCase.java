package org.undervolt.experiment;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.undervolt.io.AtomicFiles;
import org.undervolt.io.Json;
import org.undervolt.report.AccuracyCurvePlot;

/**
 * The demo as a library entry point, the implementation behind {@code undervolt demo}: runs it recorded in the
 * results store and resumable ({@link RecordedDemo}), then writes its files into the request's folder, each
 * atomically: {@code accuracy_vs_ber.png}, {@code report.html} ({@link DemoReport}) and {@code result.json} (the
 * JSON {@link DemoRunResult#json()} gives, also what {@code --json} prints).
 */
public final class DemoUseCase {
    private DemoUseCase() {
    }

    public static DemoRunResult run(DemoRequest r) {
        DemoConfig config = r.config();
        RecordedDemo.Outcome outcome = new RecordedDemo(config, r.storeFile(), r.resume(), r.newRun(), r.folder(),
                r.log()).run();
        DemoResult result = outcome.result();
        DemoRunResult run = new DemoRunResult(result, config.network(), outcome.runId(), r.storeFile(),
                outcome.reusedTrials(), r.folder());
        new AccuracyCurvePlot("MLP " + config.format().toUpperCase(Locale.ROOT)
                + " weights in approximate DRAM: accuracy vs BER", ReportCurves.of(result.curve()), result.baselineAccuracy(),
                result.baselineAccuracy() - config.delta(), result.tolerableBer()).writePng(run.plotFile());
        DemoReport.of(result, config.delta(), outcome.runId(), r.storeFile() == null ? null : r.storeFile().toString())
                .write(run.reportFile());
        AtomicFiles.write(run.resultFile(), (Json.write(run.json()) + "\n").getBytes(StandardCharsets.UTF_8));
        return run;
    }
}
