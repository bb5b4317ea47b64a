package org.undervolt.report;

import java.util.Locale;

/**
 * A one-line progress report with a bar and the time left, e.g.
 * {@code "sweep [########------------]  8/13  ETA 12 s"}. The estimate assumes the remaining
 * items take as long on average as the finished ones.
 */
public final class ProgressLine {
    private static final int WIDTH = 20;
    private final String label;
    private final long total;
    private final long startNanos;

    public ProgressLine(String label, long total) {
        this(label, total, System.nanoTime());
    }

    ProgressLine(String label, long total, long startNanos) {
        if (total < 1) {
            throw new IllegalArgumentException("total must be >= 1: " + total);
        }
        this.label = label;
        this.total = total;
        this.startNanos = startNanos;
    }

    /** The line after {@code done} of {@code total} items, now. */
    public String line(long done) {
        return line(done, System.nanoTime());
    }

    String line(long done, long nowNanos) {
        long d = Math.max(0, Math.min(done, total));
        int filled = (int) (WIDTH * d / total);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        double elapsed = (nowNanos - startNanos) / 1e9;
        String eta = d == 0 ? "ETA ?" : d == total ? String.format(Locale.ROOT, "done in %s", duration(elapsed))
                : "ETA " + duration(elapsed / d * (total - d));
        int digits = Long.toString(total).length();
        return String.format(Locale.ROOT, "%s [%s] %" + digits + "d/%d  %s", label, bar, d, total, eta);
    }

    /** {@code 42 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
