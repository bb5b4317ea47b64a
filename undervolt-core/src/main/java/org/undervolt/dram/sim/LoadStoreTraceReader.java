package org.undervolt.dram.sim;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.undervolt.InvalidInputException;

/**
 * Reads Ramulator 2's LoadStoreTrace request format: one request per line, {@code LD <address>} (read) or
 * {@code ST <address>} (write), the byte address in hex with a {@code 0x} prefix or in decimal, fields
 * separated by spaces or tabs. Blank lines and lines starting with {@code #} are skipped. Any other line is an
 * error naming the file, line and field. Files are read through a fixed buffer, line by line: {@link #open}
 * gives the requests one at a time (nothing grows with the file), {@link #read} collects them into a
 * {@link RequestTrace} (9 bytes per request).
 */
public final class LoadStoreTraceReader {
    private LoadStoreTraceReader() {
    }

    /** Reads {@code file} whole into a trace, streaming it through a fixed buffer. */
    public static RequestTrace read(Path file) {
        try (Stream in = open(file)) {
            return collect(in);
        }
    }

    /** Reads a whole stream named {@code name}, line by line through a 64 KiB buffer. */
    public static RequestTrace read(String name, InputStream in) throws IOException {
        return collect(new Stream(name, in));
    }

    static RequestTrace parse(String name, byte[] d) {
        return collect(new Stream(name, new ByteArrayInputStream(d)));
    }

    /**
     * The requests of {@code file}, read as they are asked for ({@link RequestStream#next}); close it when done.
     * A missing or unreadable file, or a malformed line, is an input error naming the file (and line).
     */
    public static Stream open(Path file) {
        try {
            return new Stream(file.toString(), Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such request trace file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read request trace (" + e.getMessage() + ")");
        }
    }

    private static RequestTrace collect(Stream in) {
        long[] addr = new long[1024];
        boolean[] wr = new boolean[1024];
        int[] lines = new int[1024];
        boolean everyLine = true;
        int n = 0;
        while (in.next()) {
            if (n == addr.length) {
                addr = Arrays.copyOf(addr, n * 2);
                wr = Arrays.copyOf(wr, n * 2);
                lines = Arrays.copyOf(lines, n * 2);
            }
            addr[n] = in.address();
            wr[n] = in.isWrite();
            lines[n] = in.line();
            everyLine &= in.line() == n + 1;
            n++;
        }
        return new RequestTrace(in.source(), Arrays.copyOf(addr, n), Arrays.copyOf(wr, n),
                everyLine ? null : Arrays.copyOf(lines, n));
    }

    /** Requests of a byte stream, parsed line by line out of a fixed buffer (grown only for a longer line). */
    public static final class Stream implements RequestStream, Closeable {
        private final String name;
        private final InputStream in;
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private boolean eof;
        private int line;
        private long requests;
        private long address;
        private boolean write;

        Stream(String name, InputStream in) {
            this.name = name;
            this.in = in;
        }

        @Override
        public boolean next() {
            while (true) {
                if (canonicalLine()) {
                    return true;
                }
                int nl = indexOfNewline(buf, pos, limit);
                if (nl >= 0) {
                    int p = pos;
                    pos = nl + 1;
                    if (line(buf, p, nl)) {
                        return true;
                    }
                    continue;
                }
                if (eof) {
                    if (pos < limit) {
                        int p = pos;
                        pos = limit;
                        if (line(buf, p, limit)) {
                            return true;
                        }
                    }
                    if (requests == 0) {
                        throw new InvalidInputException(name + ": no requests, expected lines 'LD|ST <byte address>'");
                    }
                    return false;
                }
                fill();
            }
        }

        /** Keeps the partial last line at the start of the buffer (growing it for a line longer than it) and reads on. */
        private void fill() {
            int rest = limit - pos;
            if (pos == 0 && rest == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            } else {
                System.arraycopy(buf, pos, buf, 0, rest);
            }
            pos = 0;
            limit = rest;
            try {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                } else {
                    limit += n;
                }
            } catch (IOException e) {
                throw new InvalidInputException(name + ": cannot read request trace (" + e.getMessage() + ")");
            }
        }

        @Override
        public long address() {
            return address;
        }

        @Override
        public boolean isWrite() {
            return write;
        }

        @Override
        public int line() {
            return line;
        }

        @Override
        public String source() {
            return name;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // read-only: nothing lost
            }
        }

        /**
         * The fast path: when the buffer holds a whole canonical line {@code LD 0x<hex>} or {@code ST 0x<hex>} (what
         * Ramulator's tools and {@link RequestTrace#writeLoadStore} write) at the read position, reads it in one pass
         * (no separate search for its end) and returns true; anything else, errors included, is left to {@link #line}.
         */
        private boolean canonicalLine() {
            final byte[] d = buf;
            final int p = pos;
            if (p + 6 > limit || d[p + 2] != ' ' || d[p + 3] != '0' || d[p + 4] != 'x'
                    || !(d[p] == 'L' && d[p + 1] == 'D' || d[p] == 'S' && d[p + 1] == 'T')) {
                return false;
            }
            long v = 0;
            int i = p + 5;
            int stop = Math.min(limit, i + 16);
            int h;
            while (i < stop && (h = HEX[d[i] & 0xff]) >= 0) {
                v = (v << 4) | h;
                i++;
            }
            if (i == p + 5 || i == limit || d[i] != '\n' || v < 0) {
                return false;
            }
            pos = i + 1;
            line++;
            return request(v, d[p] == 'S');
        }

        /** Line d[p, eol), without its newline: true if it holds a request (now current), false if blank or a comment. */
        private boolean line(byte[] d, int p, int eol) {
            line++;
            int end = eol;
            if (end > p && d[end - 1] == '\r') {
                end--;
            }
            int i = skipBlank(d, p, end);
            if (i == end || d[i] == '#') {
                return false;
            }
            int opEnd = i;
            while (opEnd < end && d[opEnd] != ' ' && d[opEnd] != '\t') {
                opEnd++;
            }
            boolean w;
            if (opEnd - i == 2 && (d[i] == 'L' || d[i] == 'l') && (d[i + 1] == 'D' || d[i + 1] == 'd')) {
                w = false;
            } else if (opEnd - i == 2 && (d[i] == 'S' || d[i] == 's') && (d[i + 1] == 'T' || d[i + 1] == 't')) {
                w = true;
            } else {
                throw new InvalidInputException(name + ":" + line + ": field 'operation' is '" + text(d, i, opEnd)
                        + "', expected LD or ST (line format 'LD|ST <byte address>')");
            }
            int a0 = skipBlank(d, opEnd, end);
            int a1 = a0;
            while (a1 < end && d[a1] != ' ' && d[a1] != '\t') {
                a1++;
            }
            if (a0 == end) {
                throw new InvalidInputException(name + ":" + line + ": field 'address' missing, expected 'LD|ST <byte address>'");
            }
            if (skipBlank(d, a1, end) != end) {
                throw new InvalidInputException(name + ":" + line + ": extra field '" + text(d, skipBlank(d, a1, end), end)
                        + "', expected exactly 'LD|ST <byte address>'");
            }
            long a = parseAddress(d, a0, a1);
            if (a < 0) {
                throw new InvalidInputException(name + ":" + line + ": field 'address' is '" + text(d, a0, a1)
                        + "', expected a byte address in hex (0x...) or decimal, below 2^63");
            }
            return request(a, w);
        }

        private boolean request(long a, boolean w) {
            address = a;
            write = w;
            requests++;
            return true;
        }
    }

    private static int indexOfNewline(byte[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            if (d[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Value of each hex digit byte, -1 for other bytes. */
    private static final byte[] HEX = new byte[256];

    static {
        Arrays.fill(HEX, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX[c] = (byte) (c - 'a' + 10);
            HEX[c - 'a' + 'A'] = (byte) (c - 'a' + 10);
        }
    }

    private static int skipBlank(byte[] d, int i, int end) {
        while (i < end && (d[i] == ' ' || d[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The address in d[from, to), or -1 if malformed or too large. */
    private static long parseAddress(byte[] d, int from, int to) {
        long v = 0;
        if (to - from > 2 && d[from] == '0' && (d[from + 1] == 'x' || d[from + 1] == 'X')) {
            if (to - from - 2 > 16) {
                return -1;
            }
            for (int i = from + 2; i < to; i++) {
                int c = d[i];
                int h;
                if (c >= '0' && c <= '9') {
                    h = c - '0';
                } else if (c >= 'a' && c <= 'f') {
                    h = c - 'a' + 10;
                } else if (c >= 'A' && c <= 'F') {
                    h = c - 'A' + 10;
                } else {
                    return -1;
                }
                v = (v << 4) | h;
            }
            return v;
        }
        if (to - from > 18 || to == from) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            int c = d[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String text(byte[] d, int from, int to) {
        String s = new String(d, from, Math.min(to - from, 40), java.nio.charset.StandardCharsets.ISO_8859_1);
        return to - from > 40 ? s + "..." : s;
    }
}
