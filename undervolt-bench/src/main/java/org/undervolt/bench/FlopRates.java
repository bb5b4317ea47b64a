package org.undervolt.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints the GEMM and convolution results of a JMH JSON file as GFLOP/s and as a fraction of this CPU's
 * peak. Peak assumption (AVX-512 with fused multiply-add): {@code GHz × 2 FMA units × 16 fp32 lanes × 2}
 * FLOP per cycle per core, with the clock from {@code /proc/cpuinfo} ("cpu MHz", the nominal clock a
 * virtual machine reports; a higher boost clock would make the true fraction lower). One-thread benchmarks
 * are compared with one core's peak, {@code vectorThreads} with all cores'. Usage: {@code FlopRates results.json}.
 */
public final class FlopRates {
    /** FMA units per core times fp32 lanes per 512-bit vector times 2 FLOP per FMA. */
    static final int FLOP_PER_CYCLE = 2 * 16 * 2;

    private FlopRates() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: FlopRates JMH_RESULT.json");
            System.exit(2);
        }
        double ghz = cpuGhz(Path.of("/proc/cpuinfo"));
        print(Ratios.parse(new ObjectMapper().readTree(Files.readString(Path.of(args[0])))), ghz,
                Runtime.getRuntime().availableProcessors(), System.out);
    }

    /** The first "cpu MHz" line of a cpuinfo file, in GHz (NaN when absent). */
    static double cpuGhz(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("cpu MHz")) {
                    return Double.parseDouble(line.substring(line.indexOf(':') + 1).trim()) / 1000;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Floating-point operations in one operation of a result, or NaN for classes that do not count them. */
    static double flops(Ratios.Result r) {
        return switch (r.benchClass()) {
            case "GemmBench" -> {
                int[] d = GemmBench.dims(r.params().get("shape"));
                yield 2.0 * d[0] * d[1] * d[2];
            }
            case "ConvForwardBench" -> ConvShapes.forwardFlops(r.params().get("layer"));
            case "ConvBackwardBench" -> 2 * ConvShapes.forwardFlops(r.params().get("layer"));
            default -> Double.NaN;
        };
    }

    static void print(List<Ratios.Result> results, double ghz, int cores, PrintStream out) {
        double core = ghz * FLOP_PER_CYCLE;
        out.printf(Locale.ROOT, "== GFLOP/s; peak assumed %.1f GFLOP/s per core (%.3f GHz x 2 FMA x 16 lanes x 2),"
                + " %.1f on %d cores ==%n", core, ghz, core * cores, cores);
        for (Ratios.Result r : results) {
            double f = flops(r);
            if (Double.isNaN(f)) {
                continue;
            }
            double gflops = f / r.secondsPerOp() / 1e9;
            int used = r.method().equals("vectorThreads") ? cores : 1;
            out.printf(Locale.ROOT, "  %-18s %-28s %-16s %8.2f GFLOP/s %6.1f %% of %d-core peak%n", r.benchClass(),
                    r.params().values().iterator().next(), r.method(), gflops, 100 * gflops / (core * used), used);
        }
    }
}
