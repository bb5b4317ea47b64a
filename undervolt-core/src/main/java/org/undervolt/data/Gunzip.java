package org.undervolt.data;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.undervolt.InvalidInputException;

/**
 * A strict gzip decoder for files held in memory (RFC 1952, "GZIP file format specification 4.3").
 *
 * <p>Unlike {@link java.util.zip.GZIPInputStream}, which silently ignores bytes after the last
 * member, this decoder rejects trailing garbage, checks every member's CRC-32 and ISIZE, and
 * reports a stream that ends early as {@link Result#complete() incomplete} together with the bytes
 * decoded so far, so that the caller can say how much of its own format arrived. Concatenated
 * members (allowed by RFC 1952 §2.2) are decoded one after the other.
 */
public final class Gunzip {
    private static final int ID1 = 0x1f;
    private static final int ID2 = 0x8b;
    private static final int CM_DEFLATE = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int FRESERVED = 0xE0;
    /** Deflate never expands more than about 1032:1 (zlib technical details), which bounds a first allocation. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private Gunzip() {
    }

    /**
     * What was decoded.
     *
     * @param data     the decoded bytes (exactly {@code data.length} of them)
     * @param complete false when the compressed stream ended before its end marker or trailer
     */
    public record Result(byte[] data, boolean complete) {
    }

    /** True when {@code b} starts with the gzip magic bytes {@code 1f 8b}. */
    public static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == ID1 && (b[1] & 0xFF) == ID2;
    }

    /**
     * The first {@code n} decoded bytes of {@code gz}'s first member (fewer if it holds fewer), without decoding the
     * rest: enough to read a header that says how long the whole should be before committing memory to it.
     *
     * @throws InvalidInputException on a bad gzip header or corrupt deflate data within those bytes
     */
    public static byte[] head(byte[] gz, String file, int n) {
        int pos = skipHeader(gz, 0, file);
        if (pos < 0) {
            return new byte[0];
        }
        byte[] out = new byte[n];
        int len = 0;
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(gz, pos, gz.length - pos);
            while (len < n && !inf.finished()) {
                int k = inf.inflate(out, len, n - len);
                len += k;
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
            }
        } catch (DataFormatException e) {
            throw corrupt(file, e.getMessage() == null ? "invalid deflate data" : e.getMessage());
        } finally {
            inf.end();
        }
        return Arrays.copyOf(out, len);
    }

    /**
     * Decodes all members of {@code gz}.
     *
     * @param file  the file name, for messages
     * @param limit the most decoded bytes accepted; more is an error
     * @throws InvalidInputException on a bad header, corrupt deflate data, a CRC or size mismatch,
     *                               trailing garbage, or more than {@code limit} decoded bytes
     */
    public static Result decode(byte[] gz, String file, int limit) {
        return decode(gz, file, limit, "the most Undervolt reads");
    }

    /** {@link #decode(byte[], String, int)}, the message for more than {@code limit} bytes ending in {@code why}. */
    public static Result decode(byte[] gz, String file, int limit, String why) {
        long hint = gz.length >= 4 ? readIntLe(gz, gz.length - 4) & 0xFFFFFFFFL : 0;
        long cap = Math.min(Math.min(hint, limit), MAX_DEFLATE_RATIO * gz.length + 1024);
        byte[] out = new byte[(int) Math.max(cap, 16)];
        int len = 0;
        int pos = 0;
        do {
            pos = skipHeader(gz, pos, file);
            if (pos < 0) {
                return new Result(Arrays.copyOf(out, len), false);
            }
            int memberStart = len;
            Inflater inf = new Inflater(true);
            try {
                inf.setInput(gz, pos, gz.length - pos);
                while (!inf.finished()) {
                    if (len == out.length) {
                        if (len >= limit) {
                            throw new InvalidInputException(file + ": decompresses to more than " + limit
                                    + " bytes, " + why);
                        }
                        out = Arrays.copyOf(out, (int) Math.min(limit, Math.max(2L * out.length, 1024)));
                    }
                    int n = inf.inflate(out, len, out.length - len);
                    len += n;
                    if (n == 0 && !inf.finished()) {
                        if (inf.needsDictionary()) {
                            throw corrupt(file, "deflate stream asks for a preset dictionary");
                        }
                        if (inf.needsInput()) {
                            return new Result(Arrays.copyOf(out, len), false);
                        }
                    }
                }
                pos = gz.length - inf.getRemaining();
            } catch (DataFormatException e) {
                throw corrupt(file, e.getMessage() == null ? "invalid deflate data" : e.getMessage());
            } finally {
                inf.end();
            }
            if (gz.length - pos < 8) {
                return new Result(Arrays.copyOf(out, len), false);
            }
            CRC32 crc = new CRC32();
            crc.update(out, memberStart, len - memberStart);
            if ((int) crc.getValue() != readIntLe(gz, pos)) {
                throw corrupt(file, "CRC-32 mismatch");
            }
            if ((len - memberStart) != readIntLe(gz, pos + 4)) {
                throw corrupt(file, "length in trailer does not match the data");
            }
            pos += 8;
            if (pos < gz.length && !(gz[pos] == (byte) ID1 && (pos + 1 >= gz.length || gz[pos + 1] == (byte) ID2))) {
                throw new InvalidInputException(file + ": " + (gz.length - pos)
                        + " bytes of trailing garbage after the gzip data");
            }
        } while (pos < gz.length);
        return new Result(len == out.length ? out : Arrays.copyOf(out, len), true);
    }

    /** Position after the member header at {@code pos}, or -1 when the file ends inside it. */
    private static int skipHeader(byte[] gz, int pos, String file) {
        if (gz.length - pos < 10) {
            return -1;
        }
        if ((gz[pos] & 0xFF) != ID1 || (gz[pos + 1] & 0xFF) != ID2) {
            throw corrupt(file, "bad member header");
        }
        if (gz[pos + 2] != CM_DEFLATE) {
            throw corrupt(file, "compression method " + gz[pos + 2] + ", expected 8 (deflate)");
        }
        int flags = gz[pos + 3] & 0xFF;
        if ((flags & FRESERVED) != 0) {
            throw corrupt(file, "reserved header flags set");
        }
        int p = pos + 10;
        if ((flags & FEXTRA) != 0) {
            if (p + 2 > gz.length) {
                return -1;
            }
            p += 2 + ((gz[p] & 0xFF) | (gz[p + 1] & 0xFF) << 8);
        }
        for (int flag : new int[] {FNAME, FCOMMENT}) {
            if ((flags & flag) != 0) {
                while (p < gz.length && gz[p] != 0) {
                    p++;
                }
                p++;
            }
        }
        if ((flags & FHCRC) != 0) {
            p += 2;
        }
        return p >= gz.length ? -1 : p;
    }

    private static int readIntLe(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    private static InvalidInputException corrupt(String file, String what) {
        return new InvalidInputException(file + ": corrupt gzip data (" + what + ")");
    }
}
