package org.undervolt.dram.error;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.io.AtomicFiles;

/**
 * Reads and writes characterisation bitmaps as text, one item per line:
 * <pre>
 * undervolt-bitmap 1          first line: format name and version
 * # any comment line           (blank lines and lines starting with # are ignored)
 * pattern 0xAA                byte written to every byte of the tested region
 * vdd 1.10                    supply voltage during the test, V
 * trcd 10.0                   activation latency tRCD during the test, ns
 * banks 2                     tested region: banks (over channels and ranks),
 * subarrays 4                   subarrays per bank,
 * rows 512                      rows per subarray,
 * row-bytes 1024                bytes per row
 * fail 0 3 17 8191            a failed cell: bank subarray row bit-column (byte column * 8 + bit, bit 0 = LSB)
 * </pre>
 * Every header key is required once, before the first {@code fail} line; a cell is listed at most
 * once, in any order. Anything else is bad input, reported as {@code FILE:LINE: what, expected what}.
 */
public final class ErrorBitmapFile {
    static final String MAGIC = "undervolt-bitmap 1";
    private static final String[] KEYS = {"pattern", "vdd", "trcd", "banks", "subarrays", "rows", "row-bytes"};

    private ErrorBitmapFile() {
    }

    public static ErrorBitmap read(Path file) {
        String name = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, name);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException(name + ": no such bitmap file (expected 'undervolt-bitmap 1' text)");
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read (" + e.getMessage() + ")", e);
        } catch (java.io.UncheckedIOException e) {
            throw new InvalidInputException(name + ": not a text bitmap (" + e.getCause().getMessage() + ")", e);
        }
    }

    static ErrorBitmap parse(BufferedReader in, String name) throws IOException {
        String first = in.readLine();
        if (first == null || !first.strip().equals(MAGIC)) {
            throw new InvalidInputException(name + ":1: expected first line '" + MAGIC + "'");
        }
        Map<String, String> header = new HashMap<>();
        long[] failed = new long[64];
        int n = 0;
        int[] dims = null;
        String line;
        int number = 1;
        while ((line = in.readLine()) != null) {
            number++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] f = s.split("\\s+");
            String where = name + ":" + number + ": ";
            if (f[0].equals("fail")) {
                if (dims == null) {
                    dims = dims(header, where);
                }
                if (f.length != 5) {
                    throw new InvalidInputException(where + "expected 'fail BANK SUBARRAY ROW BIT'");
                }
                long cell = 0;
                int[] limits = {dims[0], dims[1], dims[2], dims[3] * 8};
                String[] what = {"bank", "subarray", "row", "bit column"};
                for (int k = 0; k < 4; k++) {
                    long v = integer(f[k + 1], where + what[k]);
                    if (v < 0 || v >= limits[k]) {
                        throw new InvalidInputException(where + what[k] + " " + v + " outside [0, " + limits[k] + ")");
                    }
                    cell = cell * limits[k] + v;
                }
                if (n == failed.length) {
                    failed = Arrays.copyOf(failed, 2 * n);
                }
                failed[n++] = cell;
            } else if (Arrays.asList(KEYS).contains(f[0])) {
                if (f.length != 2) {
                    throw new InvalidInputException(where + "expected '" + f[0] + " VALUE'");
                }
                if (dims != null || header.putIfAbsent(f[0], f[1]) != null) {
                    throw new InvalidInputException(where + "'" + f[0] + "' given twice or after the first 'fail' line");
                }
            } else {
                throw new InvalidInputException(where + "unknown item '" + f[0] + "'; expected one of "
                        + String.join(", ", KEYS) + " or fail");
            }
        }
        if (dims == null) {
            dims = dims(header, name + ":" + number + ": ");
        }
        long[] cells = Arrays.copyOf(failed, n);
        Arrays.sort(cells);
        for (int i = 1; i < n; i++) {
            if (cells[i] == cells[i - 1]) {
                throw new InvalidInputException(name + ": cell " + cells[i] + " listed twice; expected each failed cell once");
            }
        }
        String p = header.get("pattern");
        String where = name + ": pattern";
        int pattern = (int) integer(p.toLowerCase(Locale.ROOT).startsWith("0x") ? String.valueOf(Long.parseLong(
                hex(p.substring(2), where), 16)) : p, where);
        if (pattern < 0 || pattern > 255) {
            throw new InvalidInputException(where + " " + p + "; expected one byte, 0x00 .. 0xFF");
        }
        return new ErrorBitmap(pattern, real(header.get("vdd"), name + ": vdd"), real(header.get("trcd"), name + ": trcd"),
                dims[0], dims[1], dims[2], dims[3], cells);
    }

    private static int[] dims(Map<String, String> header, String where) {
        for (String key : KEYS) {
            if (!header.containsKey(key)) {
                throw new InvalidInputException(where + "missing '" + key + "' (all of " + String.join(", ", KEYS)
                        + " must precede the fail lines)");
            }
        }
        int[] d = new int[4];
        String[] keys = {"banks", "subarrays", "rows", "row-bytes"};
        for (int k = 0; k < 4; k++) {
            long v = integer(header.get(keys[k]), where + keys[k]);
            if (v <= 0 || v > 1 << 24) {
                throw new InvalidInputException(where + keys[k] + " " + v + "; expected a positive count");
            }
            d[k] = (int) v;
        }
        if ((long) d[0] * d[1] * d[2] * d[3] * 8 > Long.MAX_VALUE / 2) {
            throw new InvalidInputException(where + "tested region too large");
        }
        return d;
    }

    private static String hex(String s, String where) {
        if (!s.matches("[0-9a-fA-F]{1,2}")) {
            throw new InvalidInputException(where + " 0x" + s + "; expected one byte, 0x00 .. 0xFF");
        }
        return s;
    }

    private static long integer(String s, String where) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + " '" + s + "'; expected an integer");
        }
    }

    private static double real(String s, String where) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v) || v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + " '" + s + "'; expected a non-negative number");
        }
    }

    /** Writes a bitmap in the format above to {@code file}, all or nothing ({@link AtomicFiles}). */
    public static void write(ErrorBitmap b, Path file) throws IOException {
        AtomicFiles.writeOrThrow(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(b, w);
            w.flush();
        });
    }

    /** Writes a bitmap in the format above. */
    public static void write(ErrorBitmap b, Writer out) throws IOException {
        out.write(MAGIC + "\n");
        out.write(String.format(Locale.ROOT, "pattern 0x%02X%nvdd %s%ntrcd %s%nbanks %d%nsubarrays %d%nrows %d%nrow-bytes %d%n",
                b.pattern(), b.vdd(), b.trcd(), b.banks(), b.subarrays(), b.rows(), b.rowBytes()));
        long rowBits = b.rowBits();
        for (long cell : b.failed()) {
            long bit = cell % rowBits;
            long row = cell / rowBits % b.rows();
            long subarray = cell / rowBits / b.rows() % b.subarrays();
            long bank = cell / rowBits / b.rows() / b.subarrays();
            out.write("fail " + bank + " " + subarray + " " + row + " " + bit + "\n");
        }
    }
}
