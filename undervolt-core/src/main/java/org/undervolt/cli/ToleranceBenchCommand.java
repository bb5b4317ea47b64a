package org.undervolt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.data.DataSource;
import org.undervolt.data.ImageDataset;
import org.undervolt.resilience.EvaluationComparison;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt bench tolerance}: one coarse tolerance search, timed per way of evaluating its trials. Wiring only. */
@Command(name = "tolerance-bench", mixinStandardHelpOptions = true, defaultValueProvider = ToleranceBenchCommand.Defaults.class,
        description = {"Run one coarse tolerance search of a DNN with full, sequential and (weights only) incremental",
                "evaluation in one process, on the same error draws; print each one's time, tolerable BER and the",
                "images its trials used. Ratios are to the full evaluation of the same run (in process)."},
        footer = {"", "Examples (models from 'undervolt train --network lenet5|mlp --out FILE'):",
                "  undervolt bench tolerance --model examples/lenet5.uvnn --trials 5 --ber-min 1e-5 --bisections 3",
                "  undervolt train --network mlp --dataset fashion-mnist --out mlp-fashion.uvnn",
                "  undervolt bench tolerance --model mlp-fashion.uvnn --dataset fashion-mnist --data weights --trials 5 --ber-min 1e-5 --bisections 3"})
public final class ToleranceBenchCommand implements Callable<Integer> {

    @Mixin ModelFileOption modelOption = new ModelFileOption();

    @Mixin DatasetOptions dataset;
    @Mixin DnnSetupOptions setup;
    @Mixin ToleranceSearchOptions search = new ToleranceSearchOptions();
    @Mixin SeedOption seedOption = new SeedOption();
    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() {
        search.check();
        setup.check();
        int trials = search.grid.trials;
        DataSource source = dataset.source();
        ImageDataset test = source.test().slice(0, Math.min(search.testImages, source.test().size()));
        List<EvaluationComparison.Row> rows = EvaluationComparison.run(modelOption.dnn("it compares evaluations of a DNN ('undervolt tolerance --model FILE' searches an SNN)"), setup.spec(), search.settings(seedOption.seed),
                search.delta, search.rule(), source.train(), test, search.profileImages);
        double full = rows.get(0).seconds();
        double fullCpu = rows.get(0).cpuSeconds();
        List<Object> out = new ArrayList<>();
        for (var r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("evaluation", r.way());
            m.put("seconds", r.seconds());
            m.put("speedup_vs_full", full / r.seconds());
            m.put("cpu_seconds", r.cpuSeconds());
            m.put("cpu_speedup_vs_full", fullCpu / r.cpuSeconds());
            m.put("seconds_per_trial", r.secondsPerTrial(trials));
            m.put("tolerable_ber", r.tolerableBer());
            m.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            m.put("points", r.points());
            m.put("trial_images", r.trialImages());
            m.put("trial_images_if_full", r.imagesIfFull());
            out.add(m);
        }
        jsonOption.print(Map.of("model", modelOption.file.toString(), "runs", out), o -> {
            o.printf("tolerance search of %s: %d trials/point, BER %.0e..%.0e, %d bisections, %d test images%n", modelOption.file,
                    trials, search.grid.berMin, search.grid.berMax, search.bisections, test.size());
            o.printf("%-24s %9s %8s %10s %9s %8s %14s %7s %13s%n", "evaluation", "seconds", "vs full", "s/trial", "CPU s",
                    "vs full", "tolerable BER", "points", "images used");
            for (var r : rows) {
                o.printf("%-24s %9.2f %7.2fx %10.4f %9.2f %7.2fx %14.4g %7d %12.1f%%%n", r.way(), r.seconds(),
                        full / r.seconds(), r.secondsPerTrial(trials), r.cpuSeconds(), fullCpu / r.cpuSeconds(),
                        r.tolerableBer(), r.points(), 100.0 * r.trialImages() / r.imagesIfFull());
            }
            o.println("CPU s: the whole process's CPU time during the search (both cores, JIT and GC included)");
        });
        return 0;
    }

    /** A short search: a coarse grid from 1e-5, three bisections. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super("--ber-min", "1e-5", "--ber-max", "0.1", "--points-per-decade", "1", "--trials", "5", "--bisections", "3");
        }
    }
}
