package org.undervolt.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.experiment.LocalSweepJob;
import org.undervolt.experiment.SweepResults;
import org.undervolt.experiment.SweepSpec;
import org.undervolt.experiment.SweepSpecReader;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.store.ResultsStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code undervolt sweep SPEC}: a sweep spec on this machine, into the results store. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs a sweep spec (networks x error models x BER/VDD/tRCD points x seeds x trials; DNN "
                + "checkpoints or SNN models) on this machine and records every trial in the results store.",
                "Resumes the newest unfinished run of the same spec, whichever runner began it; the same spec "
                + "runs on Spark with undervolt-spark (docs/SPARK.md), with identical results."},
        footer = {"", "Examples:",
                "  undervolt train --network mlp --dataset mnist --epochs 1 --seed 1 --out examples/mlp.uvnn   # the checkpoint sweep.json names",
                "  undervolt sweep examples/sweep.json",
                "  undervolt sweep examples/sweep.json --store runs/undervolt.db --threads 2 --json"})
public final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "Sweep spec JSON file.")
    Path specFile;

    @Option(names = "--store", paramLabel = "FILE", description = "Results store, created if absent (default: runs/undervolt.db).")
    Path store;

    @Mixin ThreadsOption threadsOption = new ThreadsOption();
    @Mixin JsonOption jsonOption = new JsonOption();
    @Mixin ProgressOptions progressOptions = new ProgressOptions();

    @Override
    public Integer call() {
        int t = SnnCli.threads(threadsOption.threads);
        SweepSpec s = SweepSpecReader.read(specFile);
        LocalSweepJob.prepare(s); // checkpoints and data loaded and checked before the store is opened or a run started
        int inner = Parallel.threads();
        if (t > 1) {
            Parallel.setThreads(1); // one trial per thread, no nested pools; results do not depend on it
        }
        try (ResultsStore rs = ResultsStore.open(store != null ? store : ResultsStore.defaultFile())) {
            org.undervolt.io.ProgressReporter bar = progressOptions.show(jsonOption.json)
                    ? new org.undervolt.io.ProgressReporter("sweep (trials)", jsonOption.log()) : null;
            LocalSweepJob.Summary sum = LocalSweepJob.run(s, rs, t, (done, todo) -> {
                if (bar != null) {
                    bar.update(done, 0, todo);
                }
            });
            List<SweepResults.PointMean> means = SweepResults.means(rs, sum.runId(), s);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run_id", sum.runId());
            m.put("resumed", sum.resumed());
            m.put("evaluated", sum.evaluated());
            m.put("skipped", sum.skipped());
            m.put("finished", sum.finished());
            m.put("store", rs.file().toString());
            m.put("nonfinite_counts", SweepResults.NONFINITE_HANDLING);
            m.put("points", means);
            jsonOption.print(m, o -> {
                for (SweepResults.PointMean p : means) {
                    o.printf("%-70s %4d trials  mean accuracy %.4f  non-finite %d in %d trials%n", org.undervolt.store.PointKeys.human(p.point()),
                            p.trials(), p.mean(), p.nonfinite(), p.nonfiniteTrials());
                }
                o.printf("run %d in %s: %d trials evaluated, %d already held%s%n", sum.runId(), rs.file(),
                        sum.evaluated(), sum.skipped(), sum.finished() ? ", finished" : "");
            });
        } finally {
            Parallel.setThreads(inner);
        }
        return 0;
    }
}
