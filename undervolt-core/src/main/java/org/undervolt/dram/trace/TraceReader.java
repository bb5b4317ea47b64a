package org.undervolt.dram.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.Organization;

/**
 * Reads DRAMPower command traces of both versions, validating every line against the part's organisation.
 *
 * <p>DRAMPower 5 CSV lines are {@code timestamp,CMD,rank,bankgroup,bank,row,column[,data]} (bank is the
 * rank-global bank index; bankgroup, row, column and data are not needed for core energy and only checked
 * for being integers within the memspec's organisation / present). DRAMPower 4 {@code .trc} lines are {@code timestamp,CMD,bank}. The format
 * is detected from the first command line's field count (3 fields: DRAMPower 4). Timestamps are clock cycles
 * and must strictly increase; banks and ranks must be in range; empty lines and lines starting with '#' are
 * skipped. Every failure is an {@link InvalidInputException} naming file, line and field.
 *
 * <p>{@link #stream} hands each command to a {@link CommandSink} as it is read, so memory does not grow with
 * the trace; lines are parsed as bytes in place in a reused buffer (no object per line, no character decoding: the
 * fields are ASCII; UTF-8 text elsewhere is decoded only for messages and blank-line checks).
 */
public final class TraceReader {

    private TraceReader() {
    }

    /** Reads {@code file}, detecting its format, into a {@link CommandTrace}. */
    public static CommandTrace read(Path file, Organization org) {
        CommandTrace t = new CommandTrace(file.toString(), 1024);
        stream(file, org, t);
        return t;
    }

    /** Reads {@code file}, detecting its format, handing every command to {@code sink}. */
    public static void stream(Path file, Organization org, CommandSink sink) {
        try (InputStream in = Files.newInputStream(file)) {
            new Parser(file.toString(), org, null, sink).run(new Lines(in));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such trace file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read trace: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a trace from {@code in}; {@code format} null means detect. {@code name} is used in messages.
     */
    public static CommandTrace read(String name, Reader in, Organization org, TraceFormat format) throws IOException {
        CommandTrace t = new CommandTrace(name, 1024);
        stream(name, in, org, format, t);
        return t;
    }

    /**
     * Reads a trace from {@code in} handing every command to {@code sink}; {@code format} null means detect.
     * {@code name} is used in messages.
     */
    public static void stream(String name, Reader in, Organization org, TraceFormat format, CommandSink sink)
            throws IOException {
        new Parser(name, org, format, sink).run(new Lines(new Utf8Bytes(in)));
    }

    /** The UTF-8 bytes of a reader's text. */
    private static final class Utf8Bytes extends InputStream {
        private final Reader in;
        private final char[] chars = new char[1 << 14];
        private int held; // a high surrogate kept for the next chunk, whose low half it needs
        private byte[] bytes = new byte[0];
        private int pos;

        Utf8Bytes(Reader in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == bytes.length) {
                int n = in.read(chars, held, chars.length - held);
                if (n < 0) {
                    if (held == 0) {
                        return -1;
                    }
                    n = 0;
                }
                int end = held + n;
                held = n > 0 && Character.isHighSurrogate(chars[end - 1]) ? 1 : 0;
                bytes = new String(chars, 0, end - held).getBytes(StandardCharsets.UTF_8);
                pos = 0;
                if (held == 1) {
                    chars[0] = chars[end - 1];
                }
            }
            int k = Math.min(len, bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, k);
            pos += k;
            return k;
        }
    }

    /** The lines of a byte stream, split as {@link java.io.BufferedReader#readLine} does, in a reused buffer. */
    private static final class Lines {
        private final InputStream in;
        byte[] buf = new byte[1 << 16];
        /** The current line is buf[start, end). */
        int start;
        int end;
        private int next;
        private int limit;
        private boolean eof;
        private boolean skipLf;

        Lines(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            int p = next;
            while (true) {
                if (skipLf && p < limit) {
                    if (buf[p] == '\n') {
                        p++;
                    }
                    skipLf = false;
                }
                int i = p;
                while (i < limit) {
                    byte c = buf[i];
                    if (c == '\n' || c == '\r') {
                        start = p;
                        end = i;
                        next = i + 1;
                        skipLf = c == '\r';
                        return true;
                    }
                    i++;
                }
                if (eof) {
                    if (p < limit) {
                        start = p;
                        end = limit;
                        next = limit;
                        return true;
                    }
                    return false;
                }
                // keep the partial line, read more after it
                int rest = limit - p;
                if (rest == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                } else {
                    System.arraycopy(buf, p, buf, 0, rest);
                }
                limit = rest;
                p = 0;
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                } else {
                    limit += n;
                }
            }
        }
    }

    /** Names accepted in the CMD field, upper case, with their command and whether they are slow-exit. */
    private static final String[] NAMES;
    private static final Command[] NAMED;
    private static final boolean[] SLOW;

    static {
        String[] dp4 = {"REF", "SREN", "SREX", "PDN_F_ACT", "PDN_S_ACT", "PDN_F_PRE", "PDN_S_PRE", "PUP_ACT", "PUP_PRE"};
        Command[] values = Command.values();
        NAMES = new String[values.length + dp4.length];
        NAMED = new Command[NAMES.length];
        SLOW = new boolean[NAMES.length];
        for (int i = 0; i < values.length; i++) {
            NAMES[i] = values[i].name();
            NAMED[i] = values[i];
        }
        for (int i = 0; i < dp4.length; i++) {
            NAMES[values.length + i] = dp4[i];
            NAMED[values.length + i] = Command.byName(dp4[i]);
            SLOW[values.length + i] = Command.isSlowExit(dp4[i]);
        }
    }

    /** {@link #NAMES} as ASCII bytes, for comparing with a line's bytes in place. */
    private static final byte[][] NAME_BYTES = new byte[NAMES.length][];

    static {
        for (int k = 0; k < NAMES.length; k++) {
            NAME_BYTES[k] = NAMES[k].getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Index into {@link #NAMES} of the name in s[from, to) (case-insensitive), or -1. */
    private static int lookup(byte[] s, int from, int to) {
        int len = to - from;
        outer:
        for (int k = 0; k < NAME_BYTES.length; k++) {
            byte[] n = NAME_BYTES[k];
            if (n.length != len) {
                continue;
            }
            for (int i = 0; i < len; i++) {
                int c = s[from + i];
                if (c != n[i] && (c < 'a' || c > 'z' || c - 32 != n[i])) {
                    continue outer;
                }
            }
            return k;
        }
        return -1;
    }

    private static final class Parser {
        private final String name;
        private final CommandSink sink;
        private final int banks;
        private final int ranks;
        private final int bankGroups;
        private final int rows;
        private final int columns;
        private TraceFormat fmt;
        private boolean announced;

        Parser(String name, Organization org, TraceFormat format, CommandSink sink) {
            this.name = name;
            this.sink = sink;
            this.banks = org.banks();
            this.ranks = org.ranks();
            this.bankGroups = org.bankGroups();
            this.rows = org.rows();
            this.columns = org.columns();
            this.fmt = format;
        }

        void run(Lines lines) throws IOException {
            int lineNo = 0;
            long last = -1;
            boolean ended = false;
            while (lines.next()) {
                lineNo++;
                byte[] s = lines.buf;
                int from = lines.start;
                int to = lines.end;
                if (from == to || s[from] == '#' || s[from] <= ' ' && blank(s, from, to)) { // a byte >= 0x80 is negative: checked too
                    continue;
                }
                if (ended) {
                    throw bad(lineNo, "command after END, expected END to be the last line");
                }
                int c1 = indexOf(s, ',', from, to);
                if (c1 < 0) {
                    throw bad(lineNo, "expected comma-separated fields "
                            + "'timestamp,CMD,bank' (DRAMPower 4) or 'timestamp,CMD,rank,bankgroup,bank,row,column' (DRAMPower 5)");
                }
                int c2 = indexOf(s, ',', c1 + 1, to);
                if (fmt == null) {
                    int fields = 1;
                    for (int i = from; i < to; i++) {
                        if (s[i] == ',') {
                            fields++;
                        }
                    }
                    fmt = fields == 3 ? TraceFormat.DRAMPOWER4_TRC : TraceFormat.DRAMPOWER5_CSV;
                }
                if (!announced) {
                    sink.format(fmt);
                    announced = true;
                }
                long ts = parseLong(lineNo, "timestamp", s, from, c1);
                int n0 = c1 + 1;
                int n1 = c2 < 0 ? to : c2;
                while (n0 < n1 && (s[n0] & 0xff) <= ' ') {
                    n0++;
                }
                while (n1 > n0 && (s[n1 - 1] & 0xff) <= ' ') {
                    n1--;
                }
                int k = lookup(s, n0, n1);
                if (k < 0) {
                    throw bad(lineNo, "field 'CMD' is '" + text(s, n0, n1) + "', expected one of "
                            + "ACT PRE PREA RD WR RDA WRA REF(A) REFB PDEA PDXA PDEP PDXP SREFEN SREFEX NOP END "
                            + "(or the DRAMPower 4 names PDN_F_ACT PDN_S_ACT PDN_F_PRE PDN_S_PRE PUP_ACT PUP_PRE SREN SREX)");
                }
                Command cmd = NAMED[k];
                if (ts <= last && cmd != Command.END || ts < last) {
                    throw bad(lineNo, "field 'timestamp' is " + ts
                            + ", expected a cycle greater than the previous command's " + last);
                }
                last = ts;
                int rank = 0;
                int bank = 0;
                if (fmt == TraceFormat.DRAMPOWER4_TRC) {
                    if (c2 < 0) {
                        if (cmd.targetsBank()) {
                            throw bad(lineNo, "field 'bank' is missing, expected 'timestamp,CMD,bank'");
                        }
                    } else {
                        if (indexOf(s, ',', c2 + 1, to) >= 0) {
                            throw bad(lineNo, "too many fields, expected 'timestamp,CMD,bank' (DRAMPower 4)");
                        }
                        bank = bounded(lineNo, "bank", parseLong(lineNo, "bank", s, c2 + 1, to), banks, cmd.targetsBank());
                    }
                } else {
                    int cut0 = c2;
                    int cut1 = cut0 < 0 ? -1 : indexOf(s, ',', cut0 + 1, to);
                    int cut2 = cut1 < 0 ? -1 : indexOf(s, ',', cut1 + 1, to);
                    int cut3 = cut2 < 0 ? -1 : indexOf(s, ',', cut2 + 1, to);
                    int cut4 = cut3 < 0 ? -1 : indexOf(s, ',', cut3 + 1, to);
                    int cut5 = cut4 < 0 ? -1 : indexOf(s, ',', cut4 + 1, to);
                    int found = cut0 < 0 ? 0 : cut1 < 0 ? 1 : cut2 < 0 ? 2 : cut3 < 0 ? 3 : cut4 < 0 ? 4 : 5 + (cut5 < 0 ? 0 : 1);
                    if (found < 5) {
                        if (cmd == Command.END && found <= 1) {
                            sink.command(ts, cmd, 0, 0, false, lineNo);
                            ended = true;
                            continue;
                        }
                        throw bad(lineNo, (found + 2) + " fields, expected at least 7: "
                                + "'timestamp,CMD,rank,bankgroup,bank,row,column[,data]' (DRAMPower 5)");
                    }
                    int endOfColumn = cut5 >= 0 ? cut5 : to;
                    rank = bounded(lineNo, "rank", parseLong(lineNo, "rank", s, cut0 + 1, cut1), ranks, true);
                    bounded(lineNo, "bankgroup", parseLong(lineNo, "bankgroup", s, cut1 + 1, cut2), bankGroups, cmd.targetsBank());
                    bank = bounded(lineNo, "bank", parseLong(lineNo, "bank", s, cut2 + 1, cut3), banks, cmd.targetsBank());
                    bounded(lineNo, "row", parseLong(lineNo, "row", s, cut3 + 1, cut4), rows, cmd.targetsBank());
                    bounded(lineNo, "column", parseLong(lineNo, "column", s, cut4 + 1, endOfColumn), columns, cmd.targetsBank());
                }
                sink.command(ts, cmd, rank, bank, SLOW[k], lineNo);
                if (cmd == Command.END) {
                    ended = true;
                }
            }
            if (last < 0) {
                throw new InvalidInputException(name + ": no commands (" + lineNo + " lines, none a command), expected "
                        + "lines 'timestamp,CMD,bank' (DRAMPower 4) or 'timestamp,CMD,rank,bankgroup,bank,row,column' "
                        + "(DRAMPower 5)");
            }
        }

        private InvalidInputException bad(int line, String what) {
            return new InvalidInputException(name + ":" + line + ": " + what);
        }

        /** {@code v} as an int when {@code check} is off or v < limit; otherwise an error naming the field. */
        private int bounded(int line, String field, long v, int limit, boolean check) {
            if (check && v >= limit) {
                throw bad(line, "field '" + field + "' is " + v + ", expected 0.."
                        + (limit - 1) + " (the memspec has " + limit + " " + field + "s)");
            }
            return (int) Math.min(v, Integer.MAX_VALUE);
        }

        private long parseLong(int line, String field, byte[] s, int from, int to) {
            int i = from;
            int end = to;
            while (i < end && s[i] == ' ') {
                i++;
            }
            while (end > i && s[end - 1] == ' ') {
                end--;
            }
            if (i == end) {
                throw bad(line, "field '" + field + "' is empty, expected a non-negative integer");
            }
            long v = 0;
            for (int k = i; k < end; k++) {
                int ch = s[k];
                if (ch < '0' || ch > '9' || v > (Long.MAX_VALUE - 9) / 10) {
                    throw bad(line, "field '" + field + "' is '" + text(s, i, end)
                            + "', expected a non-negative integer");
                }
                v = v * 10 + (ch - '0');
            }
            return v;
        }
    }

    /** Whether s[from, to) is whitespace only (as {@link Character#isWhitespace} says of its characters). */
    private static boolean blank(byte[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] < 0) {
                return text(s, from, to).chars().allMatch(Character::isWhitespace);
            }
            if (!Character.isWhitespace(s[i])) {
                return false;
            }
        }
        return true;
    }

    /** s[from, to) decoded as UTF-8, for messages. */
    private static String text(byte[] s, int from, int to) {
        return new String(s, from, to - from, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
