package org.undervolt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.undervolt.data.DataSource;
import org.undervolt.data.ImageDataset;
import org.undervolt.resilience.EvaluationComparison;
import org.undervolt.resilience.ModelFileKind;
import org.undervolt.resilience.ReadCorrection;
import org.undervolt.storage.Formats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt bench tolerance}: one coarse tolerance search, timed per way of evaluating its trials. Wiring only. */
@Command(name = "tolerance-bench", mixinStandardHelpOptions = true, defaultValueProvider = ToleranceBenchCommand.Defaults.class,
        description = {"Run one coarse tolerance search of a DNN or an SNN with full, sequential and (DNN, where it applies)",
                "incremental evaluation in one process, on the same error draws (incremental: from cached error-free",
                "activations with weights only, ifm-delta: as changes of the cached IFM codes with IFMs stored); print each",
                "one's time, tolerable BER and the images its trials used. Ratios are to the full evaluation of the same run.",
                "An SNN model (of 'snn train') is searched as 'undervolt tolerance --model FILE' searches it: its weights",
                "stored in --format under --error-model, no read correction, --threads evaluation threads."},
        footer = {"", "Examples (models from 'undervolt train --network lenet5|mlp --out FILE' and 'undervolt snn train'):",
                "  undervolt bench tolerance --model examples/lenet5.uvnn --trials 5 --ber-min 1e-5 --bisections 3",
                "  undervolt snn train --neurons 400 --train-images 10000 --seed 1 --out n400.snn",
                "  undervolt bench tolerance --model n400.snn --trials 5 --ber-min 1e-5 --bisections 3",
                "  undervolt train --network mlp --dataset fashion-mnist --out mlp-fashion.uvnn",
                "  undervolt bench tolerance --model mlp-fashion.uvnn --dataset fashion-mnist --data weights --trials 5 --ber-min 1e-5 --bisections 3"})
public final class ToleranceBenchCommand implements Callable<Integer> {

    @Mixin ModelFileOption modelOption = new ModelFileOption();

    @Mixin DatasetOptions dataset;
    @Mixin DnnSetupOptions setup;
    @Mixin ToleranceSearchOptions search = new ToleranceSearchOptions();
    @Mixin SeedOption seedOption = new SeedOption();
    @Mixin JsonOption jsonOption = new JsonOption();
    @Mixin ThreadsOption threadsOption = new ThreadsOption();

    @Override
    public Integer call() {
        search.check();
        setup.check();
        int trials = search.grid.trials;
        DataSource source = dataset.source();
        ImageDataset test = source.test().slice(0, Math.min(search.testImages, source.test().size()));
        boolean snn = ModelFileKind.of(modelOption.file, "--model") == ModelFileKind.SNN;
        List<EvaluationComparison.Row> rows = snn
                ? EvaluationComparison.runSnn(modelOption.file, Formats.byName(setup.format), setup.errorModel(),
                        setup.deviceSeed(), ReadCorrection.NONE, search.settings(seedOption.seed), search.delta,
                        search.rule(), test, SnnCli.threads(threadsOption.threads))
                : runDnn(source, test);
        double full = rows.get(0).seconds();
        double fullCpu = rows.get(0).cpuSeconds();
        List<Run> out = new ArrayList<>();
        for (var r : rows) {
            out.add(new Run(r.way(), r.seconds(), full / r.seconds(), r.cpuSeconds(), fullCpu / r.cpuSeconds(),
                    r.secondsPerTrial(trials), r.tolerableBer(), r.status().name().toLowerCase(java.util.Locale.ROOT),
                    r.points(), r.trialImages(), r.imagesIfFull()));
        }
        jsonOption.print(new Compared(modelOption.file.toString(), out), o -> {
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

    private List<EvaluationComparison.Row> runDnn(DataSource source, ImageDataset test) {
        NnOptions.threads(threadsOption.threads);
        return EvaluationComparison.run(modelOption.file, setup.spec(), search.settings(seedOption.seed), search.delta,
                search.rule(), source.train(), test, search.profileImages);
    }

    /** What {@code --json} prints: the model and one run per way of evaluating. */
    record Compared(String model, List<Run> runs) {
    }

    /**
     * One way of evaluating the same search.
     *
     * @param evaluation       the way
     * @param seconds          wall time of the search
     * @param secondsPerTrial  mean wall seconds per trial
     * @param points           BER points measured
     * @param trialImages      test images the trials ran on
     * @param trialImagesIfFull test images a full evaluation would have run on
     */
    record Run(String evaluation, double seconds, double speedupVsFull, double cpuSeconds, double cpuSpeedupVsFull,
            double secondsPerTrial, double tolerableBer, String status, int points, long trialImages,
            long trialImagesIfFull) {
    }

    /** A short search: a coarse grid from 1e-5, three bisections. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super("--ber-min", "1e-5", "--ber-max", "0.1", "--points-per-decade", "1", "--trials", "5", "--bisections", "3");
        }
    }
}
