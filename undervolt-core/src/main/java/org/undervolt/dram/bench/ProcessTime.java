package org.undervolt.dram.bench;

/**
 * What a user waits for: one whole process, JVM start, JIT and GC threads included.
 *
 * @param cpuSeconds  user + system CPU time of the process (and anything it started)
 * @param wallSeconds elapsed time from start to exit
 * @param peakRssMb   peak resident set size in MB, NaN when it could not be measured
 * @param how         how the figures were taken ("/usr/bin/time" or "/proc/self/stat children times")
 */
public record ProcessTime(double cpuSeconds, double wallSeconds, double peakRssMb, String how) {
}
