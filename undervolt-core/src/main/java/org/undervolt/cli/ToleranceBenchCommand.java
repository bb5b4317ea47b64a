package org.undervolt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.data.DataSource;
import org.undervolt.data.ImageDataset;
import org.undervolt.io.Json;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.EvaluationComparison;
import org.undervolt.resilience.ToleranceSearch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt bench tolerance}: one coarse tolerance search, timed per way of evaluating its trials. Wiring only. */
@Command(name = "tolerance-bench", mixinStandardHelpOptions = true,
        description = {"Run one coarse tolerance search of a DNN with full, sequential and (weights only) incremental",
                "evaluation in one process, on the same error draws; print each one's time, tolerable BER and the",
                "images its trials used. Ratios are to the full evaluation of the same run (in process)."},
        footer = {"", "Examples (models from 'undervolt train --network lenet5|mlp --out FILE'):",
                "  undervolt bench tolerance --model lenet5.uvnn --trials 5 --ber-min 1e-5 --bisections 3",
                "  undervolt bench tolerance --model mlp.uvnn --data weights --trials 5 --ber-min 1e-5 --bisections 3"})
public final class ToleranceBenchCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "DNN file (e.g. lenet5.uvnn).")
    Path model;

    @Mixin
    DatasetOptions dataset;

    @Mixin
    DnnSetupOptions setup;

    @Option(names = "--trials", defaultValue = "5", description = "Error draws per point (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--ber-min", defaultValue = "1e-5", description = "Smallest grid BER (default: ${DEFAULT-VALUE}).")
    double berMin;

    @Option(names = "--ber-max", defaultValue = "0.1", description = "Largest grid BER (default: ${DEFAULT-VALUE}).")
    double berMax;

    @Option(names = "--bisections", defaultValue = "3", description = "Bisection steps (default: ${DEFAULT-VALUE}).")
    int bisections;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--delta", defaultValue = "0.01", description = "Accepted accuracy loss (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--confidence", defaultValue = "lower95", description = "lower95 or mean (default: ${DEFAULT-VALUE}).")
    String confidence;

    @Option(names = "--test-images", defaultValue = "10000", description = "Test images (default: ${DEFAULT-VALUE}).")
    int testImages;

    @Option(names = "--profile-images", defaultValue = "2000", description = "Training images profiled (default: ${DEFAULT-VALUE}).")
    int profileImages;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OptionValues.range("--test-images", testImages, 1, Integer.MAX_VALUE);
        OptionValues.range("--profile-images", profileImages, 1, Integer.MAX_VALUE);
        OptionValues.berRange("--ber-min", berMin, "--ber-max", berMax);
        OptionValues.range("--bisections", bisections, 0, 30);
        OptionValues.range("--trials", trials, 1, 10000);
        if (!(delta >= 0 && delta <= 1)) {
            throw new org.undervolt.InvalidInputException("--delta " + delta + ": expected a fraction in [0, 1]");
        }
        setup.check();
        Acceptance.Rule rule = OptionValues.parse("--confidence", confidence, Acceptance.Rule::parse);
        var settings = new ToleranceSearch.Settings(berMin, berMax, 1, bisections, trials, seed);
        DataSource source = dataset.source();
        ImageDataset test = source.test().slice(0, Math.min(testImages, source.test().size()));
        List<EvaluationComparison.Row> rows = EvaluationComparison.run(model, setup.spec(), settings, delta, rule,
                source.train(), test, profileImages);
        double full = rows.get(0).seconds();
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            List<Object> out = new ArrayList<>();
            for (var r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("evaluation", r.way());
                m.put("seconds", r.seconds());
                m.put("speedup_vs_full", full / r.seconds());
                m.put("seconds_per_trial", r.secondsPerTrial(trials));
                m.put("tolerable_ber", r.tolerableBer());
                m.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
                m.put("points", r.points());
                m.put("trial_images", r.trialImages());
                m.put("trial_images_if_full", r.imagesIfFull());
                out.add(m);
            }
            o.println(Json.write(Map.of("model", model.toString(), "runs", out)));
        } else {
            o.printf("tolerance search of %s: %d trials/point, BER %.0e..%.0e, %d bisections, %d test images%n", model,
                    trials, berMin, berMax, bisections, test.size());
            o.printf("%-24s %9s %8s %10s %14s %7s %13s%n", "evaluation", "seconds", "vs full", "s/trial", "tolerable BER",
                    "points", "images used");
            for (var r : rows) {
                o.printf("%-24s %9.2f %7.2fx %10.4f %14.4g %7d %12.1f%%%n", r.way(), r.seconds(), full / r.seconds(),
                        r.secondsPerTrial(trials), r.tolerableBer(), r.points(), 100.0 * r.trialImages() / r.imagesIfFull());
            }
        }
        o.flush();
        return 0;
    }
}
