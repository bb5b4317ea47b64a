package org.undervolt.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.undervolt.experiment.DemoConfig;
import org.undervolt.experiment.DemoRequest;
import org.undervolt.experiment.DemoRunResult;
import org.undervolt.experiment.DemoUseCase;
import org.undervolt.InvalidInputException;
import org.undervolt.experiment.ModelCache;
import org.undervolt.store.ResultsStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt demo}: train, sweep BER, pick the voltage, price the energy ({@link DemoUseCase}); parses, calls and prints. */
@Command(name = "demo", mixinStandardHelpOptions = true, defaultValueProvider = DemoCommand.Defaults.class,
        description = "How low can the DRAM voltage go for the network mlp-256 (an MLP 784-256-10) on MNIST, and what does it save?",
        footer = {"",
                "Trains (or reuses) the zoo's mlp-256, as 'undervolt train --network mlp-256' does (--hidden gives",
                "other hidden layers), stores its weights as INT8 in --part (default " + DemoCommand.DEFAULT_PART + "),",
                "sweeps the bit error rate with uniform random bit flips in the stored bytes, picks the largest BER",
                "within --delta of the error-free accuracy, the lowest core voltage with that BER, and prices one",
                "inference pass over the test set at nominal and chosen voltage. Writes result.json, report.html",
                "(open it in a browser) and accuracy_vs_ber.png under --out.",
                "",
                "Every run is recorded in the results store (--store, default runs/undervolt.db), one trial at a",
                "time. Killed or failed? Run the same command again: the newest unfinished run with the identical",
                "configuration is resumed automatically and its finished trials are not repeated; a finished run with",
                "the same configuration is reused whole (--new-run starts afresh in either case; --resume ID names",
                "the run). The result equals an uninterrupted run's. See 'undervolt runs'.",
                "",
                "Examples:",
                "  undervolt demo",
                "  undervolt demo --json --out runs/first",
                "  undervolt demo --dataset fashion-mnist --trials 10 --points-per-decade 4",
                "  undervolt demo --data-dir examples/mnist-small --energy-law linear",
                "  undervolt demo --resume 3 --store runs/undervolt.db"})
public final class DemoCommand implements Callable<Integer> {

    @Mixin DatasetOptions dataset;

    @Option(names = "--hidden", split = ",", paramLabel = "N[,N...]", defaultValue = "256",
            description = "Hidden layer sizes (default: ${DEFAULT-VALUE}).")
    int[] hidden;

    @Option(names = "--epochs", defaultValue = "8", description = "SGD epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Mixin SeedOption seedOption = new SeedOption();
    @Mixin BerGridOptions grid = new BerGridOptions();

    @Option(names = "--delta", defaultValue = "0.01",
            description = "Accepted accuracy loss as a fraction (default: ${DEFAULT-VALUE} = 1 point).")
    double delta;

    @Option(names = "--format", defaultValue = "int8",
            description = "Storage format of the weights (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin PartOption part = new PartOption();

    @Mixin EnergyLawOption energyLaw = new EnergyLawOption();

    @Mixin DevicesOption devices = new DevicesOption();

    @Option(names = "--test-images", defaultValue = "0",
            description = "Test images to use, 0 for all (default: ${DEFAULT-VALUE}).")
    int testImages;

    @Option(names = "--no-cache", description = "Always train; do not read or write the model cache.")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Model cache (default: ~/.cache/undervolt).")
    Path cacheDir;

    @Mixin RunFolderOption runFolder = new RunFolderOption();

    @Option(names = "--store", paramLabel = "FILE",
            description = "Results store to record the run in (default: runs/undervolt.db).")
    Path store;

    @Option(names = "--no-store", description = "Record nothing: no store, no resuming.")
    boolean noStore;

    @Option(names = "--resume", paramLabel = "RUN_ID",
            description = "Resume this run (it must have the same configuration); default: the newest unfinished "
                    + "run with the same configuration, if any.")
    Long resume;

    @Option(names = "--new-run", description = "Start a new run, whether or not a finished or unfinished run has the same configuration "
                    + "(default: resume an unfinished one, reuse a finished one).")
    boolean newRun;

    @Mixin JsonOption jsonOption = new JsonOption();
    @Mixin ProgressOptions progressOptions = new ProgressOptions();

    @Override
    public Integer call() {
        grid.check();
        part.spec();
        DemoConfig config = new DemoConfig(dataset.source(), hidden, epochs, seedOption.seed, grid.trials, grid.berMin,
                grid.berMax, grid.pointsPerDecade, delta, format, part.name(), energyLaw.name(), devices.selector(), testImages, !noCache,
                cacheDir != null ? cacheDir : ModelCache.defaultDirectory());
        if (noStore && (store != null || resume != null)) {
            throw new InvalidInputException("--no-store cannot be combined with --store or --resume");
        }
        Path storeFile = noStore ? null : store != null ? store : ResultsStore.defaultFile();
        // the run folder is picked before the run starts and recorded with it, so a killed run shows it
        Path dir = runFolder.orElse(Path.of("runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss"))));
        DemoRunResult run = DemoUseCase.run(new DemoRequest(config, storeFile,
                resume == null ? OptionalLong.empty() : OptionalLong.of(resume), newRun, dir,
                progressOptions.lines(jsonOption)));

        jsonOption.print(run.json(), outw -> {
            outw.printf("%nnetwork: %s, %s weights in %s", run.network(), format, part.name());
            outw.print(DemoTable.render(run.result(), delta));
            outw.println("wrote " + run.resultFile() + ", " + run.reportFile() + " and " + run.plotFile());
            run.runId().ifPresent(id -> outw.println("recorded as run " + id + " in " + storeFile
                    + (run.reusedTrials() > 0 ? " (" + run.reusedTrials() + " trials reused from an earlier "
                    + "attempt)" : "")));
        });
        return 0;
    }

    /** The part the demo prices unless --part names one. */
    static final String DEFAULT_PART = "LPDDR3-1600_4Gb_x32";

    /** The demo's sweep: two points per decade from 1e-7 to 1e-1, five draws each. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super("--ber-min", "1e-7", "--ber-max", "1e-1", "--points-per-decade", "2", "--trials", "5", "--part",
                    DEFAULT_PART);
        }
    }
}
