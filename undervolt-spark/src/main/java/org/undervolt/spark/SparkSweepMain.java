package org.undervolt.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.undervolt.InvalidInputException;
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
 * it ({@link SparkSweepJob}), prints a one-object JSON summary on stdout. Bad input (spec, existing
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

    @Override
    public Integer call() {
        if (partitions < 0) {
            throw new InvalidInputException("--partitions must be >= 0: " + partitions);
        }
        SweepSpec s = SweepSpecReader.read(spec); // before starting Spark: bad input fails fast
        try (ResultsStore rs = ResultsStore.open(store)) {
            SparkConf conf = new SparkConf().setAppName("undervolt sweep " + spec.getFileName());
            if (!conf.contains("spark.master")) {
                conf.setMaster("local[*]");
            }
            SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
            try {
                SparkSweepJob.Summary sum = SparkSweepJob.run(spark, s, out, rs, partitions);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("run_id", sum.runId());
                m.put("evaluated", sum.evaluated());
                m.put("skipped", sum.skipped());
                m.put("merged", sum.merged());
                m.put("finished", sum.finished());
                m.put("parquet", sum.parquet());
                m.put("store", rs.file().toString());
                System.out.println(Json.canonical(m));
            } finally {
                spark.stop();
            }
        }
        return 0;
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
