package org.undervolt.dram.trace;

import java.io.BufferedReader;
import java.io.IOException;
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
 * for being integers / present). DRAMPower 4 {@code .trc} lines are {@code timestamp,CMD,bank}. The format
 * is detected from the first command line's field count (3 fields: DRAMPower 4). Timestamps are clock cycles
 * and must strictly increase; banks and ranks must be in range; empty lines and lines starting with '#' are
 * skipped. Every failure is an {@link InvalidInputException} naming file, line and field.
 */
public final class TraceReader {

    private TraceReader() {
    }

    /** Reads {@code file}, detecting its format. */
    public static CommandTrace read(Path file, Organization org) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), r, org, null);
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
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        CommandTrace t = new CommandTrace(name, 1024);
        TraceFormat fmt = format;
        String line;
        int lineNo = 0;
        long last = -1;
        int banks = org.banks();
        int ranks = org.ranks();
        boolean ended = false;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isEmpty() || line.charAt(0) == '#' || line.isBlank()) {
                continue;
            }
            if (ended) {
                throw new InvalidInputException(name + ":" + lineNo + ": command after END, expected END to be the last line");
            }
            int c1 = line.indexOf(',');
            if (c1 < 0) {
                throw new InvalidInputException(name + ":" + lineNo + ": expected comma-separated fields "
                        + "'timestamp,CMD,bank' (DRAMPower 4) or 'timestamp,CMD,rank,bankgroup,bank,row,column' (DRAMPower 5)");
            }
            int c2 = line.indexOf(',', c1 + 1);
            if (fmt == null) {
                int fields = 1;
                for (int i = 0; i < line.length(); i++) {
                    if (line.charAt(i) == ',') {
                        fields++;
                    }
                }
                fmt = fields == 3 ? TraceFormat.DRAMPOWER4_TRC : TraceFormat.DRAMPOWER5_CSV;
            }
            long ts = parseLong(name, lineNo, "timestamp", line, 0, c1);
            String cmdName = (c2 < 0 ? line.substring(c1 + 1) : line.substring(c1 + 1, c2)).trim();
            Command cmd = Command.byName(cmdName);
            if (cmd == null) {
                throw new InvalidInputException(name + ":" + lineNo + ": field 'CMD' is '" + cmdName + "', expected one of "
                        + "ACT PRE PREA RD WR RDA WRA REF(A) REFB PDEA PDXA PDEP PDXP SREFEN SREFEX NOP END "
                        + "(or the DRAMPower 4 names PDN_F_ACT PDN_S_ACT PDN_F_PRE PDN_S_PRE PUP_ACT PUP_PRE SREN SREX)");
            }
            if (ts <= last && cmd != Command.END || ts < last) {
                throw new InvalidInputException(name + ":" + lineNo + ": field 'timestamp' is " + ts
                        + ", expected a cycle greater than the previous command's " + last);
            }
            last = ts;
            int rank = 0;
            int bank = 0;
            if (fmt == TraceFormat.DRAMPOWER4_TRC) {
                if (c2 < 0) {
                    if (cmd.targetsBank()) {
                        throw new InvalidInputException(name + ":" + lineNo + ": field 'bank' is missing, expected 'timestamp,CMD,bank'");
                    }
                } else {
                    int c3 = line.indexOf(',', c2 + 1);
                    if (c3 >= 0) {
                        throw new InvalidInputException(name + ":" + lineNo + ": too many fields, expected 'timestamp,CMD,bank' (DRAMPower 4)");
                    }
                    bank = bounded(name, lineNo, "bank", parseLong(name, lineNo, "bank", line, c2 + 1, line.length()), banks,
                            cmd.targetsBank());
                }
            } else {
                int[] cut = new int[6];
                int k = 0;
                int pos = c2;
                while (pos >= 0 && k < 6) {
                    cut[k++] = pos;
                    pos = line.indexOf(',', pos + 1);
                }
                if (k < 5) {
                    if (cmd == Command.END && k <= 1) {
                        t.add(ts, cmd, 0, 0);
                        ended = true;
                        continue;
                    }
                    throw new InvalidInputException(name + ":" + lineNo + ": " + (k + 2) + " fields, expected at least 7: "
                            + "'timestamp,CMD,rank,bankgroup,bank,row,column[,data]' (DRAMPower 5)");
                }
                int endOfColumn = k >= 6 ? cut[5] : line.length();
                rank = bounded(name, lineNo, "rank", parseLong(name, lineNo, "rank", line, cut[0] + 1, cut[1]), ranks, true);
                parseLong(name, lineNo, "bankgroup", line, cut[1] + 1, cut[2]);
                bank = bounded(name, lineNo, "bank", parseLong(name, lineNo, "bank", line, cut[2] + 1, cut[3]), banks,
                        cmd.targetsBank());
                parseLong(name, lineNo, "row", line, cut[3] + 1, cut[4]);
                parseLong(name, lineNo, "column", line, cut[4] + 1, endOfColumn);
            }
            t.add(ts, cmd, rank, bank, Command.isSlowExit(cmdName), lineNo);
            if (cmd == Command.END) {
                ended = true;
            }
        }
        return t;
    }

    /** {@code v} as an int when {@code check} is off or v < limit; otherwise an error naming the field. */
    private static int bounded(String name, int line, String field, long v, int limit, boolean check) {
        if (check && v >= limit) {
            throw new InvalidInputException(name + ":" + line + ": field '" + field + "' is " + v + ", expected 0.."
                    + (limit - 1) + " (the memspec has " + limit + " " + field + "s)");
        }
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    private static long parseLong(String name, int line, String field, String s, int from, int to) {
        int i = from;
        int end = to;
        while (i < end && s.charAt(i) == ' ') {
            i++;
        }
        while (end > i && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (i == end) {
            throw new InvalidInputException(name + ":" + line + ": field '" + field + "' is empty, expected a non-negative integer");
        }
        long v = 0;
        for (int k = i; k < end; k++) {
            char ch = s.charAt(k);
            if (ch < '0' || ch > '9' || v > (Long.MAX_VALUE - 9) / 10) {
                throw new InvalidInputException(name + ":" + line + ": field '" + field + "' is '" + s.substring(i, end)
                        + "', expected a non-negative integer");
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
