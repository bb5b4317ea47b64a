package org.undervolt.dram.sim;

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
 * error naming the file, line and field. Files are read through a fixed buffer, line by line, into the
 * request arrays (9 bytes per request), so reading needs no copy of the file.
 */
public final class LoadStoreTraceReader {
    private LoadStoreTraceReader() {
    }

    /** Reads {@code file}, streaming it through a fixed buffer (the file is never held whole). */
    public static RequestTrace read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such request trace file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read request trace (" + e.getMessage() + ")");
        }
    }

    /** Reads a whole stream named {@code name}, line by line through a 64 KiB buffer. */
    public static RequestTrace read(String name, InputStream in) throws IOException {
        Parser parser = new Parser(name);
        byte[] buf = new byte[1 << 16];
        int limit = 0;
        while (true) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                break;
            }
            limit += n;
            int p = 0;
            int nl;
            while ((nl = indexOfNewline(buf, p, limit)) >= 0) {
                parser.line(buf, p, nl);
                p = nl + 1;
            }
            // keep the partial last line; a line longer than the buffer grows it
            int rest = limit - p;
            if (p == 0 && rest == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            } else {
                System.arraycopy(buf, p, buf, 0, rest);
            }
            limit = rest;
        }
        if (limit > 0) {
            parser.line(buf, 0, limit);
        }
        return parser.result();
    }

    static RequestTrace parse(String name, byte[] d) {
        Parser parser = new Parser(name);
        int p = 0;
        int nl;
        while ((nl = indexOfNewline(d, p, d.length)) >= 0) {
            parser.line(d, p, nl);
            p = nl + 1;
        }
        if (p < d.length) {
            parser.line(d, p, d.length);
        }
        return parser.result();
    }

    private static int indexOfNewline(byte[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            if (d[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Turns lines into requests, in growing arrays. */
    private static final class Parser {
        private final String name;
        private long[] addr = new long[1024];
        private boolean[] wr = new boolean[1024];
        /** Source line per request; null while every line so far held a request (request i on line i + 1). */
        private int[] lines;
        private int n;
        private int line;

        Parser(String name) {
            this.name = name;
        }

        /** One line, d[p, eol), without its newline. */
        void line(byte[] d, int p, int eol) {
            line++;
            // fast path for the canonical line "LD 0x<hex>" / "ST 0x<hex>" (what Ramulator's tools and
            // RequestTrace.writeLoadStore write); anything else, errors included, takes the general path below
            if (p + 5 < eol && d[p + 2] == ' ' && d[p + 3] == '0' && d[p + 4] == 'x'
                    && (d[p] == 'L' && d[p + 1] == 'D' || d[p] == 'S' && d[p + 1] == 'T')) {
                long v = 0;
                int i = p + 5;
                int stop = Math.min(eol, i + 16);
                int h;
                while (i < stop && (h = HEX[d[i] & 0xff]) >= 0) {
                    v = (v << 4) | h;
                    i++;
                }
                if (i > p + 5 && v >= 0 && i == eol) {
                    add(v, d[p] == 'S');
                    return;
                }
            }
            int end = eol;
            if (end > p && d[end - 1] == '\r') {
                end--;
            }
            int i = skipBlank(d, p, end);
            if (i == end || d[i] == '#') {
                if (lines == null) {
                    lines = new int[addr.length];
                    for (int k = 0; k < n; k++) {
                        lines[k] = k + 1;
                    }
                }
                return;
            }
            int opEnd = i;
            while (opEnd < end && d[opEnd] != ' ' && d[opEnd] != '\t') {
                opEnd++;
            }
            boolean write;
            if (opEnd - i == 2 && (d[i] == 'L' || d[i] == 'l') && (d[i + 1] == 'D' || d[i + 1] == 'd')) {
                write = false;
            } else if (opEnd - i == 2 && (d[i] == 'S' || d[i] == 's') && (d[i + 1] == 'T' || d[i + 1] == 't')) {
                write = true;
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
            add(a, write);
        }

        private void add(long a, boolean write) {
            if (n == addr.length) {
                int c = addr.length * 2;
                addr = Arrays.copyOf(addr, c);
                wr = Arrays.copyOf(wr, c);
            }
            if (lines != null && lines.length < addr.length) {
                lines = Arrays.copyOf(lines, addr.length);
            }
            addr[n] = a;
            wr[n] = write;
            if (lines != null) {
                lines[n] = line;
            }
            n++;
        }

        RequestTrace result() {
            if (n == 0) {
                throw new InvalidInputException(name + ": no requests, expected lines 'LD|ST <byte address>'");
            }
            return new RequestTrace(name, Arrays.copyOf(addr, n), Arrays.copyOf(wr, n),
                    lines == null ? null : Arrays.copyOf(lines, n));
        }
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
