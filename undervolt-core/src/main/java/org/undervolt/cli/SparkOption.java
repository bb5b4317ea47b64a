package org.undervolt.cli;

import org.undervolt.resilience.TrialExecutor;
import org.undervolt.resilience.TrialExecutors;

import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER}, shared by the commands whose Monte-Carlo trials can run as Spark tasks
 * ({@code tolerance}, {@code eden}, {@code sparkxd}); results never depend on it. The Spark runner lives in
 * the {@code undervolt-spark} module, found at run time ({@link TrialExecutors}).
 */
final class SparkOption {
    @Option(names = "--spark", paramLabel = "MASTER",
            description = {"Run the tolerance trials as Spark tasks on MASTER (local[N], spark://HOST:PORT from",
                    "undervolt-spark/cluster.sh start, yarn, ...); the same results as without. Needs the",
                    "undervolt-spark module: " + TrialExecutors.BUILD + " (docs/SPARK.md)."})
    String master;

    /** The executor to run trials on: local without --spark. Close it when done. */
    TrialExecutor open() {
        return TrialExecutors.open(master);
    }
}
