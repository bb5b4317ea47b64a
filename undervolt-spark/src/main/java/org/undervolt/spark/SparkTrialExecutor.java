package org.undervolt.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.undervolt.InvalidInputException;
import org.undervolt.resilience.TaskTrialExecutor;
import org.undervolt.resilience.TrialExecutors;
import org.undervolt.resilience.TrialRecipe;
import org.undervolt.resilience.TrialTask;

/**
 * Tolerance trials as Spark tasks: each batch the search hands over (the trials of a full point, or one look
 * of a sequential point) is one Spark job of one partition per trial; the recipe (network bytes, setup, test
 * images) is broadcast once per model and built once per executor thread ({@link TrialModelPool}). A task's
 * result depends on its identity alone, so lost and retried tasks change nothing, and the search's stored
 * results equal the local runner's bit for bit.
 *
 * <p>The Spark context starts on the first batch, so a pipeline's training stages do not hold executors. On a
 * cluster the executors get Undervolt from the application jar {@code undervolt-spark-cluster.jar} (system
 * property {@code undervolt.spark.jar}, else next to this module's classes), and
 * {@code --add-modules=jdk.incubator.vector -Dundervolt.threads=1}; any {@code -Dspark.*} system property
 * of the driver overrides the defaults here (e.g. {@code spark.executor.memory}, 1g).
 */
public final class SparkTrialExecutor extends TaskTrialExecutor {
    /** What {@code --spark} accepts: Spark's master URLs. */
    static final Pattern MASTER = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[0-9]+)?\\])?|local-cluster\\[.+\\]"
            + "|spark://[^\\s/]+(,[^\\s/]+)*|yarn|k8s://\\S+");
    private static final Pattern LOOPBACK = Pattern.compile("spark://(127\\.0\\.0\\.1|localhost):[0-9]+");

    private final String master;
    private final Map<String, Broadcast<TrialRecipe>> shipped = new HashMap<>();
    private JavaSparkContext sc;

    public SparkTrialExecutor(String master) {
        if (master == null || !MASTER.matcher(master).matches()) {
            throw new InvalidInputException("--spark " + master + ": expected a Spark master URL: local[N], "
                    + "spark://HOST:PORT (undervolt-spark/cluster.sh start prints one), yarn or k8s://URL");
        }
        this.master = master;
        if (!local()) {
            applicationJar(); // bad input before any work
        }
    }

    @Override
    public String where() {
        return master;
    }

    private boolean local() {
        return master.startsWith("local");
    }

    @Override
    protected synchronized List<TrialTask.Result> run(TrialRecipe recipe, List<TrialTask> tasks) {
        JavaSparkContext context = context();
        Broadcast<TrialRecipe> r = shipped.computeIfAbsent(recipe.key(), k -> context.broadcast(recipe));
        return context.parallelize(tasks, Math.max(1, tasks.size())).mapPartitions(new RunTrialTasks(r)).collect();
    }

    private JavaSparkContext context() {
        if (sc == null) {
            SparkConf conf = new SparkConf().setAppName("undervolt tolerance trials").setMaster(master)
                    .setIfMissing("spark.ui.enabled", "false")
                    .setIfMissing("spark.ui.showConsoleProgress", "false")
                    .setIfMissing("spark.executor.memory", "1g")
                    .setIfMissing("spark.executor.extraJavaOptions", "--add-modules=jdk.incubator.vector -Dundervolt.threads=1");
            if (!local()) {
                conf.setIfMissing("spark.jars", applicationJar().toString());
            }
            if (LOOPBACK.matcher(master).matches()) { // a cluster on this machine (cluster.sh): executors call back here
                conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            }
            sc = new JavaSparkContext(conf);
        }
        return sc;
    }

    /** The jar executors load Undervolt from; bad input, naming the build, when there is none. */
    static Path applicationJar() {
        String given = System.getProperty("undervolt.spark.jar");
        Path jar = given != null ? Path.of(given) : besideClasses();
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new InvalidInputException("--spark: executors need the application jar "
                    + (jar == null ? "undervolt-spark-cluster.jar" : jar) + "; build it with '" + TrialExecutors.BUILD + "'");
        }
        return jar;
    }

    /** This module's own jar, or {@code target/undervolt-spark-cluster.jar} beside {@code target/classes}. */
    private static Path besideClasses() {
        try {
            Path here = Path.of(SparkTrialExecutor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(here)) {
                return here;
            }
            return here.getParent() == null ? null : here.getParent().resolve("undervolt-spark-cluster.jar");
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (sc != null) {
            sc.stop();
            sc = null;
            shipped.clear();
        }
    }

    @Override
    public String toString() {
        return "spark " + master;
    }
}
