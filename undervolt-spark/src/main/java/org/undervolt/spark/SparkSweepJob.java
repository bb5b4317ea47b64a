package org.undervolt.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
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
 *   <li>evaluate the remaining (network, error model, point, seed, trial) tasks on the executors
 *       ({@link SparkSweepRunner}), {@code chunk} tasks per Spark job;</li>
 *   <li>append each chunk's outcomes to the Parquet data set under {@code out} with Spark's writer
 *       (the commit protocol adds either the chunk's whole files or nothing final);</li>
 *   <li>record the chunk's outcomes in the store in one transaction, so a driver killed mid-sweep
 *       loses at most one chunk and a resubmission evaluates only what the store lacks; trial keys
 *       are unique per run, so recording twice adds nothing; the run is marked finished when complete.</li>
 * </ol>
 * Executors lost mid-job are Spark's business: their tasks run again elsewhere, and since a task's
 * outcome depends on its identity only, the retried outcome is the same.
 */
public final class SparkSweepJob {
    static final int MERGE_BATCH = 10_000;
    /** Tasks per Spark job, unless told otherwise: what a driver killed mid-sweep can lose. */
    public static final int DEFAULT_CHUNK = 20_000;

    /**
     * @param runId     the results-store run
     * @param resumed   whether the run existed before (an unfinished run of the same spec)
     * @param evaluated trials evaluated by this job (and written to Parquet)
     * @param skipped   trials found already in the store
     * @param merged    trials newly added to the store
     * @param finished  whether the run now holds every trial of the spec
     * @param parquet   where the Parquet data set is
     * @param timings   where the job's time went
     */
    public record Summary(long runId, boolean resumed, int evaluated, int skipped, int merged, boolean finished,
            String parquet, Timings timings) {
    }

    /**
     * Where a job's time went, for the scaling model (docs/SPARK.md).
     *
     * @param chunks          Spark jobs run (one per chunk of tasks)
     * @param tasks           Spark tasks (partitions) they ran, retries included
     * @param sparkSeconds    wall time of the chunks' Spark work (evaluation, Parquet, results to the driver)
     * @param storeSeconds    wall time of recording the outcomes in the SQLite store, on the driver
     * @param executorSeconds the tasks' run time summed over executors (Spark's task metrics)
     * @param specBytes       size of the broadcast spec (checkpoints included), serialised
     */
    public record Timings(int chunks, long tasks, double sparkSeconds, double storeSeconds, double executorSeconds,
            long specBytes) {
    }

    /** Told after each recorded chunk. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, todo) -> {
        };

        void recorded(int evaluated, int todo);
    }

    private SparkSweepJob() {
    }

    public static Summary run(SparkSession spark, SweepSpec spec, String out, ResultsStore store, int partitions) {
        return run(spark, spec, out, store, partitions, DEFAULT_CHUNK, Progress.NONE);
    }

    /** As {@link #run(SparkSession, SweepSpec, String, ResultsStore, int)}, {@code chunk} tasks per Spark job. */
    public static Summary run(SparkSession spark, SweepSpec spec, String out, ResultsStore store, int partitions,
            int chunk, Progress progress) {
        if (chunk < 1) {
            throw new InvalidInputException("--chunk must be >= 1: " + chunk);
        }
        String parquet = out.endsWith("/") ? out + "trials.parquet" : out + "/trials.parquet";
        refuseExisting(spark, parquet);
        String config = Json.canonical(spec.describe());
        RunStart start = RunStart.choose(store, SweepResults.KIND, config, spec.seed(),
                Json.canonical(Provenance.describe()), OptionalLong.empty(), false);
        List<SweepTask> todo = start.resumed() ? SweepResults.remaining(store, start.runId(), spec) : spec.tasks();
        SparkSweepRunner runner = new SparkSweepRunner(JavaSparkContext.fromSparkContext(spark.sparkContext()), partitions);
        TaskTime taskTime = new TaskTime();
        spark.sparkContext().addSparkListener(taskTime);
        int merged = 0;
        int chunks = 0;
        long sparkNanos = 0;
        long storeNanos = 0;
        try {
            for (int from = 0; from == 0 || from < todo.size(); from += chunk) { // an empty sweep still writes its Parquet
                List<SweepTask> part = todo.subList(from, Math.min(todo.size(), from + chunk));
                long t0 = System.nanoTime();
                JavaRDD<TrialOutcome> outcomes = runner.outcomes(spec, part).persist(StorageLevel.MEMORY_AND_DISK());
                try {
                    TrialParquet.write(spark, outcomes, parquet);
                    List<TrialOutcome> got = outcomes.collect();
                    long t1 = System.nanoTime();
                    merged += SweepResults.record(store, start.runId(), got);
                    sparkNanos += t1 - t0;
                    storeNanos += System.nanoTime() - t1;
                } finally {
                    outcomes.unpersist(false);
                }
                chunks++;
                progress.recorded(from + part.size(), todo.size());
            }
        } finally {
            spark.sparkContext().removeSparkListener(taskTime);
        }
        boolean finished = SweepResults.finishIfComplete(store, start.runId(), spec);
        Timings timings = new Timings(chunks, taskTime.tasks(), sparkNanos / 1e9, storeNanos / 1e9,
                taskTime.seconds(), serialisedSize(spec));
        return new Summary(start.runId(), start.resumed(), todo.size(), spec.taskCount() - todo.size(), merged,
                finished, parquet, timings);
    }

    /** Bytes of {@code o} in Java serialisation, the broadcast's default serialiser. */
    static long serialisedSize(java.io.Serializable o) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
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
