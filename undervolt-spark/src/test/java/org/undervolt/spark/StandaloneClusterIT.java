package org.undervolt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.Split;
import org.undervolt.experiment.DatasetRef;
import org.undervolt.experiment.LocalSweepJob;
import org.undervolt.experiment.SweepResults;
import org.undervolt.experiment.SweepSpec;
import org.undervolt.io.Json;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.EvaluationMode;
import org.undervolt.resilience.SetupSpec;
import org.undervolt.resilience.SnnToleranceRun;
import org.undervolt.resilience.ToleranceRun;
import org.undervolt.resilience.ToleranceSearch;
import org.undervolt.resilience.TrialExecutor;
import org.undervolt.resilience.TrialExecutors;
import org.undervolt.storage.Formats;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.TrialKey;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code cluster.sh} end to end on this machine, run by {@code ./mvnw verify} after the cluster jar is built:
 * a standalone master and two workers (1 core, 512 MB each) in JVMs of their own, sweeps submitted in client
 * mode, executors in their own JVMs. The points and every trial equal the local runner's, bit for bit, after
 * (1) the driver is SIGKILLed mid-sweep and the sweep resubmitted (it resumes from the store and evaluates
 * only the trials it lacks), and (2) during that resubmission one worker and its executor are SIGKILLed while
 * a task runs there (Spark runs the lost tasks again on the other worker). One test, so that the cluster,
 * the drivers and the executors start as few times as possible. Every process is bounded by a timeout; the
 * cluster is stopped after the test, by a shutdown hook if the JVM ends first, or by its watchdog if the JVM
 * is killed; the stop is checked to leave no process behind. First, with both workers, tolerance analyses run
 * their trials on the cluster ({@code --spark MASTER}) and store the local runner's points.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path SCRIPT = MODULE.resolve("cluster.sh");
    static final Path STATE = MODULE.resolve("target/cluster");
    static final Path WORK = MODULE.resolve("target/cluster-it");
    static final Duration START = Duration.ofSeconds(240);
    static final Duration JOB = Duration.ofSeconds(600);

    static final Thread HOOK = new Thread(StandaloneClusterIT::stopQuietly);
    static String master;
    static Path specFile;
    static SweepSpec spec;
    static Path localStore;
    static Map<TrialKey, List<Object>> local;
    static JsonNode localPoints;

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(HOOK);
        deleteTree(WORK);
        specFile = SpecFiles.write(WORK.resolve("spec"), 2, 12);
        spec = SpecFiles.read(specFile);
        localStore = WORK.resolve("local.db");
        try (ResultsStore rs = ResultsStore.open(localStore)) {
            LocalSweepJob.Summary sum = LocalSweepJob.run(spec, rs, 2, (d, t) -> { });
            localPoints = Json.mapper().readTree(Json.write(SweepResults.means(rs, sum.runId(), spec)));
        }
        local = trials(localStore);
        Run r = Run.start(WORK.resolve("start"), "start", "--workers", "2", "--cores", "1", "--memory", "512m",
                "--owner", Long.toString(ProcessHandle.current().pid()));
        assertThat(r.await(START)).as("cluster.sh start; stderr: %s", r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        master = lines.get(lines.size() - 1);
        assertThat(master).matches("spark://127\\.0\\.0\\.1:\\d+");
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        try {
            Run r = Run.start(WORK.resolve("stop"), "stop");
            assertThat(r.await(Duration.ofSeconds(60))).isZero();
            Thread.sleep(1000); // the watchdog's own end
            assertThat(clusterProcesses()).as("processes left behind").isEmpty();
            Run again = Run.start(WORK.resolve("stop-again"), "stop");
            assertThat(again.await(Duration.ofSeconds(30))).as("second stop").isZero();
        } finally {
            stopQuietly();
            Runtime.getRuntime().removeShutdownHook(HOOK);
        }
    }

    /**
     * {@code tolerance --spark MASTER} on this cluster (before the worker-kill test takes a worker away): the
     * test JVM is the driver, executors load Undervolt from the cluster jar, and a DNN (weights and IFMs, value
     * bounds profiled on the executors, sequential over several looks) and an SNN tolerance analysis store
     * exactly the local runner's points.
     */
    @Test
    @Order(1)
    @Timeout(value = 900, unit = TimeUnit.SECONDS)
    void toleranceTrialsOnTheClusterStoreTheLocalRunnersPoints() throws Exception {
        Path dir = WORK.resolve("tolerance");
        Files.createDirectories(dir);
        Path dnn = dir.resolve("mlp.uvnn");
        Files.write(dnn, TinySweep.checkpoint());
        Path snn = dir.resolve("snn.uvsnn");
        Files.write(snn, TinySweep.snn());
        DatasetRef blobs = new DatasetRef("synthetic:1100:8x8:4:7"); // 1100 images: up to three looks of 512
        ImageDataset snnTest = new DatasetRef(TinySweep.DATA28).load(Split.TEST);
        var setup = new SetupSpec(Set.of(DataKind.WEIGHTS, DataKind.IFMS), "int8", "int8", "uniform", true, 1);
        var search = new ToleranceSearch.Settings(1e-4, 1e-1, 1, 2, 3, 7);
        System.setProperty("spark.executor.memory", "512m"); // the workers' memory
        try (TrialExecutor cluster = TrialExecutors.open(master)) {
            for (TrialExecutor on : List.of(TrialExecutor.LOCAL, cluster)) {
                String name = on == cluster ? "cluster" : "local";
                var d = new ToleranceRun.Options(dnn, setup, search, 0.01, Acceptance.Rule.LOWER95, false, 1100, 100, null,
                        dir.resolve("dnn-" + name), EvaluationMode.SEQUENTIAL);
                assertThat(ToleranceRun.run(d, blobs.load(Split.TRAIN), blobs.load(Split.TEST), m -> { },
                        ToleranceSearch.TrialProgress.NONE, on).runner()).isEqualTo(on.where());
                var s = new SnnToleranceRun.Options(snn, Formats.byName("fp32"), "bitline:0.5", 5, false, search, 0.05,
                        Acceptance.Rule.MEAN, 40, 1, null, dir.resolve("snn-" + name), EvaluationMode.SEQUENTIAL);
                SnnToleranceRun.run(s, snnTest, m -> { }, ToleranceSearch.TrialProgress.NONE, on);
            }
        } finally {
            System.clearProperty("spark.executor.memory");
        }
        for (String net : List.of("dnn", "snn")) {
            assertThat(Files.readString(dir.resolve(net + "-cluster/points.json"))).as(net)
                    .isEqualTo(Files.readString(dir.resolve(net + "-local/points.json")));
            assertThat(Json.mapper().readTree(dir.resolve(net + "-cluster/tolerance.json").toFile()).get("coarse")).as(net)
                    .isEqualTo(Json.mapper().readTree(dir.resolve(net + "-local/tolerance.json").toFile()).get("coarse"));
        }
    }

    @Test
    @Order(2)
    @Timeout(value = 1500, unit = TimeUnit.SECONDS)
    void driverKilledThenWorkerKilledTheSweepStillHoldsTheLocalRunnersTrials() throws Exception {
        Path store = WORK.resolve("sweep.db");
        int n = spec.taskCount();
        assertThat(n).isEqualTo(48);
        // 1. The driver, SIGKILLed once its first chunk of 4 trials is in the store.
        Run first = submit("first", store, "--chunk", "4", "--partitions", "2");
        assertThat(first.awaitErr("4 of 48 trials recorded", JOB)).as("first chunk recorded; stderr: %s", first.tail())
                .isTrue();
        first.kill();
        int held = trials(store).size();
        assertThat(held).as("trials recorded before the driver was killed").isBetween(4, n - 1);

        // 2. Resubmitted: one task per partition. Worker 2 and its executor are SIGKILLed while a task runs there.
        Run second = submit("second", store, "--partitions", Integer.toString(n - held));
        long worker = Long.parseLong(Files.readString(STATE.resolve("worker-2.pid")).strip());
        ProcessHandle executor = awaitTaskRunning(worker, second);
        executor.destroyForcibly();
        ProcessHandle.of(worker).ifPresent(ProcessHandle::destroyForcibly);
        assertThat(second.await(JOB)).as("resubmission; stderr: %s", second.tail()).isZero();
        JsonNode out = Json.mapper().readTree(second.out()); // one JSON object, nothing else, on stdout
        assertThat(out.get("resumed").asBoolean()).isTrue();
        assertThat(out.get("skipped").asInt()).isEqualTo(held);
        assertThat(out.get("evaluated").asInt()).as("no stored trial evaluated again").isEqualTo(n - held);
        assertThat(out.get("merged").asInt()).isEqualTo(n - held);
        assertThat(out.get("finished").asBoolean()).isTrue();
        assertThat(out.get("master").asText()).isEqualTo(master);
        assertThat(out.get("points")).isEqualTo(localPoints);
        assertThat(trials(store)).hasSize(n).isEqualTo(local);
        String driverLog = second.err();
        assertThat(driverLog).contains("Lost executor");
        // The task that was running there ran again: a second attempt ("N.1") on the other executor.
        assertThat(driverLog).containsPattern("Starting task \\d+\\.1 in stage \\d+\\.\\d+ \\(TID \\d+\\) \\(127\\.0\\.0\\.1,\\s*executor \\d+");
    }

    /** The trials of the store's one run: key to (accuracy's raw bits, non-finite count), each key once. */
    private static Map<TrialKey, List<Object>> trials(Path store) {
        try (ResultsStore rs = ResultsStore.open(store)) {
            assertThat(rs.runs()).hasSize(1);
            long run = rs.runs().get(0).id();
            Map<TrialKey, List<Object>> out = new HashMap<>();
            rs.trials().forEach(run, row -> assertThat(out.put(row.key(), List.of(
                    Double.doubleToRawLongBits(row.accuracy()), SweepResults.nonfinite(row)))).as("%s", row.key()).isNull());
            assertThat(rs.trials().count(run)).isEqualTo(out.size());
            return out;
        }
    }

    /** Waits until worker {@code worker}'s executor runs a task it has not finished; returns that executor. */
    private static ProcessHandle awaitTaskRunning(long worker, Run job) throws Exception {
        long until = System.nanoTime() + JOB.toNanos();
        while (System.nanoTime() < until && job.process.isAlive()) {
            for (ProcessHandle child : ProcessHandle.of(worker).map(p -> p.children().toList()).orElse(List.of())) {
                for (Path log : executorLogs()) {
                    String text = Files.readString(log);
                    if (count(text, "Executor: Running task") > count(text, "Executor: Finished task")) {
                        return child;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("worker-2's executor never ran a task; driver: " + job.tail());
    }

    private static List<Path> executorLogs() throws IOException {
        Path dir = STATE.resolve("work-2");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals("stderr")).toList();
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static Run submit(String name, Path store, String... extra) {
        List<String> args = new ArrayList<>(List.of("submit", master, specFile.toString(), "--out",
                WORK.resolve("out-" + name).toString(), "--store", store.toString(), "--json"));
        args.addAll(List.of(extra));
        return Run.start(WORK.resolve(name), args.toArray(String[]::new));
    }

    /** Processes this cluster started (their command line names its state folder), still running. */
    static List<ProcessHandle> clusterProcesses() {
        return ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).filter(a -> a.contains(STATE.toString()))
                        .isPresent())
                .toList();
    }

    private static void stopQuietly() {
        try {
            ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "stop").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().remove("UNDERVOLT_CLUSTER_DIR");
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            // the hook's last resort below
        }
        clusterProcesses().forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** A {@code cluster.sh} run with its stdout and stderr in files under {@code dir}. */
    record Run(Process process, Path outFile, Path errFile) {
        static Run start(Path dir, String... args) {
            try {
                Files.createDirectories(dir);
                List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
                cmd.addAll(List.of(args));
                Path out = dir.resolve("stdout");
                Path err = dir.resolve("stderr");
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().remove("UNDERVOLT_CLUSTER_DIR"); // the cluster of target/cluster, STATE
                Process p = pb.start();
                return new Run(p, out, err);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The exit code, or -1 after killing the run (and its children) at the deadline. */
        int await(Duration limit) throws InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                return -1;
            }
            return process.exitValue();
        }

        boolean awaitErr(String line, Duration limit) throws InterruptedException {
            long until = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < until && process.isAlive()) {
                if (err().contains(line)) {
                    return true;
                }
                Thread.sleep(50);
            }
            return err().contains(line);
        }

        void kill() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        String out() {
            return read(outFile);
        }

        String err() {
            return read(errFile);
        }

        String tail() {
            String e = err();
            return e.substring(Math.max(0, e.length() - 3000));
        }

        private static String read(Path p) {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
