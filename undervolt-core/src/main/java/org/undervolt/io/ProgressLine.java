package org.undervolt.io;

import java.util.Locale;

/**
 * A one-line progress report with a bar and the time left, e.g.
 * {@code "sweep [########------------]  8/13  ETA 12 s"}. The estimate assumes the remaining
 * items take as long on average as the ones finished since this line was made; items found already
 * finished (a resumed run: {@code skipped}) are left out of that average, since they cost no time.
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
        return line(done, 0, total, System.nanoTime());
    }

    /**
     * The line after {@code done} of {@code total} items (which may differ from the total this line
     * was made with, e.g. once a search knows where it stops), {@code skipped} of them found finished.
     */
    public String line(long done, long skipped, long total) {
        return line(done, skipped, total, System.nanoTime());
    }

    String line(long done, long nowNanos) {
        return line(done, 0, total, nowNanos);
    }

    String line(long done, long skipped, long total, long nowNanos) {
        long n = Math.max(1, total);
        long d = Math.max(0, Math.min(done, n));
        long worked = d - Math.max(0, Math.min(skipped, d));
        int filled = (int) (WIDTH * d / n);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        double elapsed = (nowNanos - startNanos) / 1e9;
        String eta = d == n ? String.format(Locale.ROOT, "done in %s", duration(elapsed))
                : worked == 0 ? "ETA ?" : "ETA " + duration(elapsed / worked * (n - d));
        int digits = Long.toString(n).length();
        return String.format(Locale.ROOT, "%s [%s] %" + digits + "d/%d  %s", label, bar, d, n, eta);
    }

    /** {@code 42 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    public static String duration(double seconds) {
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
