package org.undervolt.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.undervolt.InvalidInputException;
import org.undervolt.experiment.SweepResults;
import org.undervolt.experiment.SweepSpec;
import org.undervolt.experiment.SweepSpecReader;
import org.undervolt.io.Json;
import org.undervolt.store.ResultsStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code spark-submit} entry point: reads a sweep spec JSON (see {@link SweepSpecReader}), runs
 * it ({@link SparkSweepJob}), prints each point's mean as {@code undervolt sweep} does ({@code --json}: one
 * JSON object with the same {@code points} list, plus the job's summary and master). Bad input (spec, existing
 * output folder): one line on stderr, exit code 2. The master comes from {@code spark-submit};
 * without one (a plain {@code java} launch) it is {@code local[*]}.
 */
@Command(name = "undervolt-spark-sweep", mixinStandardHelpOptions = true,
        description = "Runs an Undervolt sweep spec on Apache Spark; Parquet output, merged into the results store.")
public final class SparkSweepMain implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "sweep spec JSON file")
    Path spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output folder for trials.parquet (any Hadoop path: file:, hdfs:, s3a:); must not hold one")
    String out;

    @Option(names = "--store", paramLabel = "FILE", description = "results store on the driver (default: ${DEFAULT-VALUE})")
    Path store = ResultsStore.defaultFile();

    @Option(names = "--partitions", paramLabel = "N",
            description = "task partitions (default 0: the cluster's default parallelism)")
    int partitions;

    @Option(names = "--chunk", paramLabel = "N",
            description = "tasks per Spark job, recorded in the store as each job ends (default: ${DEFAULT-VALUE})")
    int chunk = SparkSweepJob.DEFAULT_CHUNK;

    @Option(names = "--json", description = "Print one JSON object, with the points as 'undervolt sweep --json' prints them.")
    boolean json;

    private int defaultParallelism;

    @Override
    public Integer call() {
        if (partitions < 0) {
            throw new InvalidInputException("--partitions must be >= 0: " + partitions);
        }
        if (chunk < 1) {
            throw new InvalidInputException("--chunk must be >= 1: " + chunk);
        }
        SweepSpec s = SweepSpecReader.read(spec); // before starting Spark: bad input fails fast
        try (ResultsStore rs = ResultsStore.open(store)) {
            SparkConf conf = new SparkConf().setAppName("undervolt sweep " + spec.getFileName());
            if (!conf.contains("spark.master")) {
                conf.setMaster("local[*]");
            }
            long t0 = System.nanoTime();
            SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
            double contextSeconds = (System.nanoTime() - t0) / 1e9; // with a cluster: until the executors registered
            try {
                SparkSweepJob.Summary sum = SparkSweepJob.run(spark, s, out, rs, partitions, chunk,
                        (done, todo) -> System.err.printf("undervolt-spark-sweep: %d of %d trials recorded%n", done, todo));
                defaultParallelism = spark.sparkContext().defaultParallelism();
                print(sum, spark.sparkContext().master(), contextSeconds, rs, s);
            } finally {
                spark.stop();
            }
        }
        return 0;
    }

    private void print(SparkSweepJob.Summary sum, String master, double contextSeconds, ResultsStore rs, SweepSpec s) {
        List<SweepResults.PointMean> means = SweepResults.means(rs, sum.runId(), s);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run_id", sum.runId());
            m.put("resumed", sum.resumed());
            m.put("evaluated", sum.evaluated());
            m.put("skipped", sum.skipped());
            m.put("merged", sum.merged());
            m.put("finished", sum.finished());
            m.put("store", rs.file().toString());
            m.put("parquet", sum.parquet());
            m.put("master", master);
            SparkSweepJob.Timings t = sum.timings();
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("context_s", contextSeconds);
            tm.put("chunks", t.chunks());
            tm.put("spark_tasks", t.tasks());
            tm.put("spark_s", t.sparkSeconds());
            tm.put("store_s", t.storeSeconds());
            tm.put("executor_task_s", t.executorSeconds());
            tm.put("spec_bytes", t.specBytes());
            tm.put("default_parallelism", defaultParallelism);
            m.put("timings", tm);
            m.put("nonfinite_counts", SweepResults.NONFINITE_HANDLING);
            m.put("points", means);
            System.out.println(Json.write(m));
        } else {
            for (SweepResults.PointMean p : means) {
                System.out.printf("%-70s %4d trials  mean accuracy %.4f  non-finite %d in %d trials%n", p.point(),
                        p.trials(), p.mean(), p.nonfinite(), p.nonfiniteTrials());
            }
            System.out.printf("run %d in %s on %s: %d trials evaluated, %d already held, Parquet %s%s%n", sum.runId(),
                    rs.file(), master, sum.evaluated(), sum.skipped(), sum.parquet(), sum.finished() ? ", finished" : "");
        }
        System.out.flush();
    }

    /** Exit code of a command line: 0 done, 2 bad input, 1 anything else. */
    static int execute(String... args) {
        CommandLine cl = new CommandLine(new SparkSweepMain());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof InvalidInputException) {
                line.getErr().println("undervolt-spark-sweep: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
