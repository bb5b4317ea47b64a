package org.undervolt.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A second JVM on the test class path, for the tests that must kill a run for real (SIGKILL, via
 * {@link Process#destroyForcibly}) or bound its heap: kill/resume of training runs, bounded memory.
 * Its stdout and stderr go to one log file, named in every failure message.
 */
public final class ChildJvm {
    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code main} with {@code args}. The child gets the test JVM's class path and, when the test
     * JVM has it, the Vector API module (the kernels use it), plus {@code jvmOptions} (e.g. {@code -Xmx16m}).
     */
    public static ChildJvm start(Path log, List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-modules")).forEach(cmd::add);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        try {
            return new ChildJvm(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM", e);
        }
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /**
     * The child's output so far (stdout and stderr interleaved), without the JVM's notice that the
     * incubating Vector API module is in use and without SLF4J's own notices (the test classpath
     * carries slf4j-api through ArchUnit, with no logging provider).
     */
    public List<String> lines() {
        try {
            return java.nio.file.Files.readAllLines(log).stream()
                    .filter(l -> !l.startsWith("WARNING: Using incubator modules") && !l.startsWith("SLF4J")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the child to exit by itself; its exit code. */
    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child still running after " + seconds + " s; see " + log);
        }
        return process.exitValue();
    }

    /**
     * Waits until {@code ready} holds (polled every 10 ms), then a further random delay of 0 to
     * {@code maxDelayMs} drawn from {@code random}, then kills the child with SIGKILL. Fails if the child
     * exits before it is killed, or if {@code ready} does not hold within {@code timeoutSeconds}.
     */
    public void killAfter(BooleanSupplier ready, SplittableRandom random, int maxDelayMs, long timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("child ended (exit " + process.exitValue() + ") before it was killed; see " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("child made no progress in " + timeoutSeconds + " s; see " + log);
            }
            Thread.sleep(10);
        }
        Thread.sleep(random.nextInt(maxDelayMs + 1));
        if (!process.isAlive()) {
            throw new AssertionError("child ended (exit " + process.exitValue() + ") before it was killed; see " + log);
        }
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child survived SIGKILL; see " + log);
        }
    }
}
