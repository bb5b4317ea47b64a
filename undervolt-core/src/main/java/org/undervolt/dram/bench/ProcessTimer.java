package org.undervolt.dram.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times whole processes: with GNU time ({@code /usr/bin/time}: CPU, wall, peak RSS) when installed, else from
 * the children's CPU times in {@code /proc/self/stat} (Linux; no RSS). The process timed is
 * {@link #undervolt} — the {@code ./undervolt} launcher when this JVM was started by it, so the figure
 * includes its class-data sharing and JVM options.
 */
public final class ProcessTimer {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final Path PROC_STAT = Path.of("/proc/self/stat");
    /** Linux's USER_HZ: clock ticks per second in /proc times. */
    private static final double TICKS_PER_S = 100;

    private ProcessTimer() {
    }

    /**
     * The command line that runs {@code undervolt args...} as a user does: the launcher named by the environment
     * variable {@code UNDERVOLT_LAUNCHER} (set by {@code ./undervolt}), else this JVM's java and class path.
     */
    public static List<String> undervolt(String... args) {
        List<String> cmd = new ArrayList<>();
        String launcher = System.getenv("UNDERVOLT_LAUNCHER");
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            cmd.add(launcher);
        } else {
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-modules=jdk.incubator.vector", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "org.undervolt.cli.UndervoltCli"));
        }
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** Runs {@code command} to completion (output discarded) and times it; a failing command is an error. */
    public static ProcessTime time(List<String> command) throws IOException, InterruptedException {
        if (Files.isExecutable(GNU_TIME)) {
            Path out = Files.createTempFile("undervolt-time", ".txt");
            try {
                List<String> cmd = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "%U %S %e %M", "-o", out.toString()));
                cmd.addAll(command);
                run(cmd);
                String[] f = Files.readString(out, StandardCharsets.US_ASCII).trim().split("\\s+");
                int k = f.length - 4; // the last line holds the figures
                return new ProcessTime(Double.parseDouble(f[k]) + Double.parseDouble(f[k + 1]), Double.parseDouble(f[k + 2]),
                        Double.parseDouble(f[k + 3]) / 1024, "/usr/bin/time");
            } finally {
                Files.deleteIfExists(out);
            }
        }
        double cpu0 = childrenCpuSeconds();
        long t0 = System.nanoTime();
        run(command);
        long t1 = System.nanoTime();
        return new ProcessTime(childrenCpuSeconds() - cpu0, (t1 - t0) / 1e9, Double.NaN, "/proc/self/stat children times");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(false).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + err.strip());
        }
    }

    /** cutime + cstime of this process: CPU of its waited-for children; NaN off Linux. */
    private static double childrenCpuSeconds() throws IOException {
        if (!Files.isReadable(PROC_STAT)) {
            return Double.NaN;
        }
        String s = Files.readString(PROC_STAT, StandardCharsets.US_ASCII);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        // fields after the name: state(3) ... cutime is field 16, cstime 17 (1-based) = index 13, 14 here
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_S;
    }

    /** The run with the median CPU time of {@code runs} timed runs, after one untimed (it may make a CDS archive). */
    public static ProcessTime median(List<String> command, int runs) throws IOException, InterruptedException {
        time(command);
        ProcessTime[] t = new ProcessTime[Math.max(1, runs)];
        for (int i = 0; i < t.length; i++) {
            t[i] = time(command);
        }
        Arrays.sort(t, (a, b) -> Double.compare(a.cpuSeconds(), b.cpuSeconds()));
        return t[t.length / 2];
    }
}
