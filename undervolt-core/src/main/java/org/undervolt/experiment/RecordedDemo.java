package org.undervolt.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.undervolt.InvalidInputException;
import org.undervolt.Provenance;
import org.undervolt.io.Json;
import org.undervolt.resilience.CurvePoint;
import org.undervolt.resilience.TrialStore;
import org.undervolt.store.CurveRow;
import org.undervolt.store.EnergyRow;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunStart;
import org.undervolt.store.RunStatus;

/**
 * The demo, recorded in a results store and resumable.
 *
 * <p>Which run is used: {@code resume} names one explicitly (it must exist and have exactly this
 * configuration); otherwise the newest unfinished run of the demo with the identical configuration
 * is resumed automatically; otherwise the newest finished one is reused whole; otherwise (or with
 * {@code newRun}, whatever runs exist) a new run is started. Finished trials
 * of a resumed run are taken from the store, not evaluated again; since every trial's errors derive
 * from (seed, BER, trial) only, the result equals an uninterrupted run's.
 *
 * <p>The store is opened only when the sweep asks for its first trial, after every input has been
 * checked and the network trained, so bad input never creates a store or a run.
 *
 * <p>The run's folder ({@code folder}, where the command writes its files) is recorded in the store as
 * soon as the run is picked, before its first trial, as the pipelines do; so a demo killed mid-sweep
 * shows its folder in {@code runs list}.
 *
 * @param storeFile the results store, or {@code null} to record nothing
 * @param resume    the run to resume, or empty to choose automatically
 * @param newRun    start a new run whether or not a finished or unfinished run has this configuration
 * @param folder    the run's folder, recorded with the run; {@code null} records none
 */
public record RecordedDemo(DemoConfig config, Path storeFile, OptionalLong resume, boolean newRun, Path folder,
        Consumer<String> log) {
    public static final String KIND = "demo";

    /** A recorded demo with no folder of its own. */
    public RecordedDemo(DemoConfig config, Path storeFile, OptionalLong resume, boolean newRun, Consumer<String> log) {
        this(config, storeFile, resume, newRun, null, log);
    }

    /** What happened: the result, the run it was recorded under, and how many trials were reused. */
    public record Outcome(DemoResult result, OptionalLong runId, boolean resumed, int reusedTrials) {
    }

    public Outcome run() {
        DemoPipeline pipeline = new DemoPipeline(config, log);
        if (storeFile == null) {
            return new Outcome(pipeline.run(), OptionalLong.empty(), false, 0);
        }
        String configJson = config.identity();
        if (resume.isPresent()) {
            try (ResultsStore store = openExisting()) {
                RunStart.checkResumable(store, KIND, resume.getAsLong(), configJson);
            }
        }
        try (LazyRun run = new LazyRun(configJson)) {
            try {
                DemoResult result = pipeline.run(run);
                run.finish(result);
                return new Outcome(result, OptionalLong.of(run.id()), run.resumed, run.trials.reused());
            } catch (RuntimeException e) {
                run.markFailed();
                throw e;
            }
        }
    }

    private ResultsStore openExisting() {
        if (!java.nio.file.Files.isRegularFile(storeFile)) {
            throw new InvalidInputException("--resume " + resume.getAsLong() + ": there is no results store at "
                    + storeFile + " (expected the --store file the run was recorded in)");
        }
        return ResultsStore.open(storeFile);
    }

    /** Opens the store and picks the run at the first trial the sweep asks about. */
    private final class LazyRun implements TrialStore, AutoCloseable {
        private final String configJson;
        private ResultsStore store;
        private long id;
        private boolean resumed;
        private StoredBerTrials trials = new StoredBerTrials(null, -1);

        LazyRun(String configJson) {
            this.configJson = configJson;
        }

        long id() {
            open();
            return id;
        }

        private void open() {
            if (store != null) {
                return;
            }
            store = ResultsStore.open(storeFile);
            RunStart start = RunStart.chooseReusingFinished(store, KIND, configJson, config.seed(),
                    Json.canonical(Provenance.describe()), resume, newRun);
            id = start.runId();
            resumed = start.resumed();
            boolean finished = store.run(id).map(r -> r.status() == RunStatus.FINISHED).orElse(false);
            if (folder != null && !finished) { // a finished run reused keeps the folder its files were written to
                store.setFolder(id, folder.toAbsolutePath().normalize().toString());
            }
            trials = new StoredBerTrials(store, id);
            long done = store.trials().count(id);
            log.accept(finished ? "run " + id + " in " + storeFile + ": finished with the same configuration, "
                    + done + " trials reused (--new-run runs it again)"
                    : resumed ? "run " + id + " in " + storeFile + ": resuming, " + done + " trials already done"
                    : "run " + id + " in " + storeFile + ": recording");
        }

        @Override
        public OptionalDouble lookup(double ber, int trial) {
            open();
            return trials.lookup(ber, trial);
        }

        @Override
        public void record(double ber, int trial, double accuracy) {
            open();
            trials.record(ber, trial, accuracy);
        }

        void finish(DemoResult r) {
            open();
            List<CurveRow> rows = new ArrayList<>();
            for (CurvePoint p : r.curve()) {
                double hw = p.ci95HalfWidth();
                rows.add(new CurveRow(p.ber(), p.mean(), p.mean() - hw, p.mean() + hw, p.trials(),
                        "{\"min\":" + p.min() + ",\"max\":" + p.max() + "}"));
            }
            store.curves().put(id, "accuracy_vs_ber", rows);
            String scope = "{\"scope\":\"DRAM command energy of one inference pass over the test images\"}";
            store.energy().put(id, new EnergyRow("nominal", r.vddNominal(), Double.NaN, r.energyNominalJ(), scope));
            store.energy().put(id, new EnergyRow("chosen", r.vddChosen(), Double.NaN, r.energyChosenJ(), scope));
            store.setStatus(id, RunStatus.FINISHED, Json.canonical(r.toJson()));
        }

        void markFailed() {
            if (store != null) {
                store.markFailedQuietly(id);
            }
        }

        @Override
        public void close() {
            if (store != null) {
                store.close();
            }
        }
    }
}
