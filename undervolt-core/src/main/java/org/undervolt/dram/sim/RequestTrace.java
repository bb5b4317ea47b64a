package org.undervolt.dram.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.undervolt.random.Seeds;

/**
 * A sequence of memory requests: byte address and read/write, in issue order, with where each came from
 * (source name and line) so errors can point at it.
 */
public final class RequestTrace {
    private final String source;
    private final long[] addresses;
    private final boolean[] writes;
    private final int[] lines;

    /**
     * @param source    name for messages (file name, or a description)
     * @param addresses byte addresses
     * @param writes    true for a write (ST), false for a read (LD)
     * @param lines     source line of each request, or null when request i is on line i + 1
     */
    public RequestTrace(String source, long[] addresses, boolean[] writes, int[] lines) {
        if (addresses.length != writes.length || lines != null && lines.length != addresses.length) {
            throw new IllegalArgumentException("addresses, writes and lines differ in length");
        }
        this.source = source;
        this.addresses = addresses;
        this.writes = writes;
        this.lines = lines;
    }

    public String source() {
        return source;
    }

    public int size() {
        return addresses.length;
    }

    public long address(int i) {
        return addresses[i];
    }

    public boolean isWrite(int i) {
        return writes[i];
    }

    /** Source line of request {@code i} (1-based). */
    public int line(int i) {
        return lines == null ? i + 1 : lines[i];
    }

    /** The requests in order, as a stream. */
    public RequestStream stream() {
        return new RequestStream() {
            private int i = -1;

            @Override
            public boolean next() {
                return ++i < addresses.length;
            }

            @Override
            public long address() {
                return addresses[i];
            }

            @Override
            public boolean isWrite() {
                return writes[i];
            }

            @Override
            public int line() {
                return RequestTrace.this.line(i);
            }

            @Override
            public String source() {
                return source;
            }
        };
    }

    /** Number of writes. */
    public int writeCount() {
        int n = 0;
        for (boolean w : writes) {
            n += w ? 1 : 0;
        }
        return n;
    }

    /**
     * {@code n} requests to uniformly random 64-byte lines below {@code spaceBytes}, a fraction
     * {@code writeFraction} of them writes; deterministic in (seed).
     */
    public static RequestTrace uniformRandom(int n, long spaceBytes, double writeFraction, long seed) {
        SplittableRandom rnd = Seeds.stream(seed, 0x5eed_d5a1L);
        long lines = spaceBytes / 64;
        long[] a = new long[n];
        boolean[] w = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextLong(lines) * 64;
            w[i] = rnd.nextDouble() < writeFraction;
        }
        return new RequestTrace("uniform-random(n=" + n + ", seed=" + seed + ")", a, w, null);
    }

    /** Writes the trace in Ramulator's LoadStoreTrace format ({@code LD 0x...} / {@code ST 0x...}). */
    public void writeLoadStore(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < addresses.length; i++) {
                out.write(writes[i] ? "ST 0x" : "LD 0x");
                out.write(Long.toHexString(addresses[i]));
                out.write('\n');
            }
        }
    }

    /** The first {@code n} requests. */
    public RequestTrace prefix(int n) {
        return new RequestTrace(source, Arrays.copyOf(addresses, n), Arrays.copyOf(writes, n),
                lines == null ? null : Arrays.copyOf(lines, n));
    }
}
