package org.undervolt.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.InvalidInputException;
import org.undervolt.experiment.Calibration;
import org.undervolt.experiment.CalibrationCache;
import org.undervolt.experiment.EdenPipeline;
import org.undervolt.experiment.PipelineConfig;
import org.undervolt.experiment.PipelineData;
import org.undervolt.experiment.PipelineRun;
import org.undervolt.experiment.RunEstimate;
import org.undervolt.experiment.SparkxdPipeline;
import org.undervolt.io.Json;
import org.undervolt.io.Sha256;
import org.undervolt.store.ResultsStore;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code undervolt eden} and {@code undervolt sparkxd} share, and the wiring that runs them. */
public final class PipelineOptions {

    @Option(names = "--preset", paramLabel = "NAME", description = "Settings to start from (default: quick).")
    String preset;

    @Option(names = "--quick", description = "Same as --preset quick: a few minutes on 2 cores.")
    boolean quick;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON or YAML object of settings overlaid on the preset "
            + "(see --print-config for every key).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "One setting overlaid last, e.g. --set seed=2 "
            + "(repeatable; VALUE is JSON, or text).")
    List<String> settings = new ArrayList<>();

    @Mixin RunFolderOption runFolder = new RunFolderOption();

    @Option(names = "--store", paramLabel = "FILE", description = "Results store to record the run in (default: runs/undervolt.db).")
    Path store;

    @Option(names = "--no-store", description = "Record nothing in a results store (the run folder still resumes).")
    boolean noStore;

    @Mixin ThreadsOption threadsOption = new ThreadsOption();

    @Option(names = "--print-config", description = "Print the merged settings as JSON and exit (a starting point for --config).")
    boolean printConfig;

    @Option(names = "--estimate", description = "Time the work on this machine, print how long the run (or what is left"
            + " of it) should take, and exit. The timing is made once per build, machine and workload (a minute or two)"
            + " and kept in the cache folder; later estimates read it and answer in seconds.")
    boolean estimate;

    @Mixin JsonOption jsonOption = new JsonOption();
    @Mixin ProgressOptions progressOptions = new ProgressOptions();
    @Mixin SparkOption sparkOption = new SparkOption();

    /** Least duration of each timing of the run-time estimate. */
    private static final double ESTIMATE_SECONDS = 0.5;

    int run(String kind, CommandSpec spec) {
        if (quick && preset != null && !preset.equals("quick")) {
            throw new InvalidInputException("--quick cannot be combined with --preset " + preset);
        }
        PipelineConfig c = PipelineConfig.preset(kind, preset == null ? "quick" : preset);
        if (config != null) {
            c = c.withFile(config);
        }
        c = c.withSettings(settings).checkTogether(); // every value checked, also for --print-config and --estimate
        if (printConfig) {
            PrintWriter o = spec.commandLine().getOut();
            o.println(Json.write(c.values()));
            o.flush();
            return 0;
        }
        if (noStore && store != null) {
            throw new InvalidInputException("--no-store cannot be combined with --store");
        }
        String dataset = c.text("dataset");
        String dataDir = c.optionalText("data_dir");
        PipelineData data = PipelineData.load(dataset, dataDir == null ? null : Path.of(dataDir),
                kind + " setting 'dataset' = " + dataset);
        Path folder = runFolder.orElse(Path.of("runs", kind + "-" + hash(c.canonical())));
        Path storeFile = noStore ? null : store != null ? store : ResultsStore.defaultFile();
        boolean show = progressOptions.show(jsonOption.json);
        Consumer<String> log = progressOptions.lines(jsonOption);
        if (kind.equals(EdenPipeline.KIND)) { // bad settings are reported before any timing or work
            new EdenPipeline(c, data.train(), data.test(), m -> { }).check();
        } else {
            new SparkxdPipeline(c, data.train(), data.test(), 1, m -> { }).check();
        }
        if (estimate) {
            RunEstimate e = RunEstimate.of(kind, c, data.train(), data.test(), SnnCli.threads(threadsOption.threads), folder,
                    new Calibration(ESTIMATE_SECONDS), CalibrationCache.inDefaultDirectory());
            jsonOption.print(e.toMap(), w -> w.println(e.line()));
            return 0;
        }
        log.accept(kind + ": run folder " + folder);
        if (show && !Files.exists(folder.resolve("summary.json"))) { // a finished run: nothing to estimate
            log.accept(RunEstimate.of(kind, c, data.train(), data.test(), SnnCli.threads(threadsOption.threads), folder,
                    new Calibration(ESTIMATE_SECONDS / 2), CalibrationCache.inDefaultDirectory()).line());
        }
        Map<String, Object> summary;
        try (var executor = sparkOption.open()) {
            summary = new PipelineRun(kind, c, folder, storeFile, SnnCli.threads(threadsOption.threads), null, executor)
                    .run(data.train(), data.test(), log);
        }
        jsonOption.print(summary, o -> {
            o.printf(Locale.ROOT, "%s: error-free accuracy %.4f; tolerable BER %.3g without, %.3g with retraining%n", kind,
                    num(summary.get("baseline_accuracy")), num(summary.get("tolerable_ber_without_retraining")),
                    num(summary.get("tolerable_ber_with_retraining")));
            o.printf(Locale.ROOT, "VDD %.3f V -> %.3f V: DRAM energy per inference %.4g J -> %.4g J (%.1f%% saved under the %s"
                    + " energy law, %.1f%% linear; limited by %s), speedup %.3fx%n", num(summary.get("vdd_nominal")),
                    num(summary.get("vdd_chosen")), num(summary.get("energy_nominal_j")), num(summary.get("energy_chosen_j")),
                    100 * num(summary.get("energy_saving")), summary.get("energy_law"),
                    100 * num(summary.get("energy_saving_linear")), summary.get("limited_by"), num(summary.get("speedup")));
            if (summary.get("devices_summary") instanceof Map<?, ?> d && d.get("energy_saving") instanceof Map<?, ?> e) {
                o.printf(Locale.ROOT, "the median of %s devices; saving over the devices %.1f%% ... %.1f%%, priced on the %s%n",
                        d.get("devices"), 100 * num(e.get("min")), 100 * num(e.get("max")),
                        summary.getOrDefault("priced_on", "reference access"));
            }
            if (summary.get("operating_points") instanceof Map<?, ?> op) {
                o.printf(Locale.ROOT, "median device without / with retraining: %.3f V / %.3f V%s%n",
                        num(((Map<?, ?>) op.get("without_retraining")).get("chosen_vdd")),
                        num(((Map<?, ?>) op.get("with_retraining")).get("chosen_vdd")),
                        op.get("why_not") == null ? "" : " (" + op.get("why_not") + ")");
            }
            if (summary.get("weight_errors") instanceof String w) { // sparkxd: which error model decided the tolerance
                o.println("weight errors: " + w);
            }
            if (summary.get("fat_beats_control") instanceof Boolean better) { // sparkxd: FAT against its control
                o.printf(Locale.ROOT, "fault-aware vs control on the same draws at the control's first failing BER: %+.2f "
                        + "points, sign test p = %.2g (%s)%n", num(summary.get("fat_vs_control_points")),
                        num(summary.get("fat_vs_control_p")), better ? "fault-aware training beats its control at 95% "
                        + "confidence" : "no advantage at 95% confidence");
            } else if (summary.get("tolerable_ber_control") instanceof Number control) {
                o.printf(Locale.ROOT, "fault-aware vs control: tolerable BER %.3g vs %.3g (not compared on the same draws: "
                        + "the control never failed on the search's axis)%n",
                        num(summary.get("tolerable_ber_with_retraining")), control.doubleValue());
            }
            o.println("report: " + summary.get("report") + (summary.get("run_id") == null ? ""
                    : " (run " + summary.get("run_id") + " in " + summary.get("store") + ")"));
        });
        return 0;
    }

    private static double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String hash(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 8); // the first 4 bytes
    }
}
