package org.undervolt.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.undervolt.InvalidInputException;
import org.undervolt.Provenance;
import org.undervolt.experiment.SweepResults;
import org.undervolt.experiment.SweepSpec;
import org.undervolt.experiment.SweepTask;
import org.undervolt.experiment.TrialOutcome;
import org.undervolt.io.Json;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunStart;

/**
 * A sweep on Spark from start to results store:
 * <ol>
 *   <li>on the driver, pick the run in the results store (a new one, or the newest unfinished run
 *       of the same spec, whose finished trials are skipped);</li>
 *   <li>evaluate the remaining (network, error model, point, seed, trial) tasks on the executors ({@link SparkSweepRunner});</li>
 *   <li>write the outcomes as Parquet under {@code out} with Spark's writer (the commit protocol
 *       leaves either the whole data set and {@code _SUCCESS}, or nothing final);</li>
 *   <li>read the Parquet back on the driver and merge it into the store in batches; trial keys are
 *       unique per run, so merging twice adds nothing; the run is marked finished when complete.</li>
 * </ol>
 */
public final class SparkSweepJob {
    static final int MERGE_BATCH = 10_000;

    /**
     * @param runId     the results-store run
     * @param evaluated trials evaluated by this job (and written to Parquet)
     * @param skipped   trials found already in the store
     * @param merged    trials newly added to the store
     * @param finished  whether the run now holds every trial of the spec
     * @param parquet   where the Parquet data set is
     */
    public record Summary(long runId, int evaluated, int skipped, int merged, boolean finished, String parquet) {
    }

    private SparkSweepJob() {
    }

    public static Summary run(SparkSession spark, SweepSpec spec, String out, ResultsStore store, int partitions) {
        String parquet = out.endsWith("/") ? out + "trials.parquet" : out + "/trials.parquet";
        refuseExisting(spark, parquet);
        String config = Json.canonical(spec.describe());
        RunStart start = RunStart.choose(store, SweepResults.KIND, config, spec.seed(),
                Json.canonical(Provenance.describe()), OptionalLong.empty(), false);
        List<SweepTask> todo = start.resumed() ? SweepResults.remaining(store, start.runId(), spec) : spec.tasks();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        TrialParquet.write(spark, new SparkSweepRunner(sc, partitions).outcomes(spec, todo), parquet);
        int merged = merge(spark, parquet, store, start.runId());
        boolean finished = SweepResults.finishIfComplete(store, start.runId(), spec);
        return new Summary(start.runId(), todo.size(), spec.taskCount() - todo.size(), merged, finished, parquet);
    }

    /** Merges the Parquet outcomes at {@code parquet} into run {@code runId}; returns how many were new. */
    public static int merge(SparkSession spark, String parquet, ResultsStore store, long runId) {
        int added = 0;
        List<TrialOutcome> batch = new ArrayList<>();
        for (Iterator<TrialOutcome> it = TrialParquet.read(spark, parquet); it.hasNext();) {
            batch.add(it.next());
            if (batch.size() == MERGE_BATCH) {
                added += SweepResults.record(store, runId, batch);
                batch.clear();
            }
        }
        return added + SweepResults.record(store, runId, batch);
    }

    private static void refuseExisting(SparkSession spark, String parquet) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(parquet);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(p)) {
                throw new InvalidInputException("--out: " + parquet + " already exists; give a new output folder "
                        + "(finished trials are kept in the results store and skipped)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check output folder " + parquet, e);
        }
    }
}
