package org.undervolt.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.undervolt.InvalidInputException;

/**
 * Reads IDX image and label files (the MNIST format, see {@link IdxHeader}), plain or gzip-compressed.
 *
 * <p>Compression is detected from the content (the gzip magic {@code 1f 8b}), not from the file name.
 * Every check failure is an {@link InvalidInputException} whose one-line message names the file and
 * what was expected: wrong magic, non-positive sizes, a file shorter or longer than its header
 * announces, corrupt or truncated gzip data, a label outside {@code 0..numClasses-1}, and image and
 * label files that disagree on the count.
 */
public final class IdxReader {
    /** The most bytes (compressed or decoded) one IDX file may hold: 1 GiB. */
    public static final int MAX_FILE_BYTES = 1 << 30;

    private IdxReader() {
    }

    /**
     * The images of an IDX image file.
     *
     * @param rows   image height
     * @param cols   image width
     * @param pixels all images, row-major, unsigned bytes
     */
    public record Images(int rows, int cols, byte[] pixels) {
        /** Number of images. */
        public int count() {
            return pixels.length / (rows * cols);
        }
    }

    /** Reads an image file ({@code 0x00000803}). */
    public static Images readImages(Path file) {
        return readImages(readFile(file), file.toString());
    }

    /** Reads an image file held in memory; {@code file} names it in messages. */
    public static Images readImages(byte[] content, String file) {
        Parsed p = parse(content, file, IdxHeader.IMAGES_MAGIC, "images");
        int[] d = p.header().dims();
        return new Images(d[1], d[2], p.data());
    }

    /** Reads a label file ({@code 0x00000801}) and checks every label is below {@code numClasses}. */
    public static byte[] readLabels(Path file, int numClasses) {
        return readLabels(readFile(file), file.toString(), numClasses);
    }

    /** Reads a label file held in memory; {@code file} names it in messages. */
    public static byte[] readLabels(byte[] content, String file, int numClasses) {
        byte[] labels = parse(content, file, IdxHeader.LABELS_MAGIC, "labels").data();
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= numClasses) {
                throw new InvalidInputException(file + ": label " + label + " at index " + i
                        + ", expected 0.." + (numClasses - 1));
            }
        }
        return labels;
    }

    /** Reads an image file and its label file into one data set, checking that the counts agree. */
    public static ImageDataset readDataset(String name, Path images, Path labels, int numClasses) {
        return pair(name, readImages(images), images.toString(), readLabels(labels, numClasses), labels.toString(),
                numClasses);
    }

    /** Joins images and labels read separately, checking that the counts agree. */
    public static ImageDataset pair(String name, Images images, String imagesFile, byte[] labels, String labelsFile,
            int numClasses) {
        if (images.count() != labels.length) {
            throw new InvalidInputException(labelsFile + ": holds " + labels.length + " labels but " + imagesFile
                    + " holds " + images.count() + " images; expected one label per image");
        }
        return new ImageDataset(name, images.rows(), images.cols(), images.pixels(), labels, numClasses);
    }

    /** All bytes of {@code file}, with I/O failures turned into one-line messages. */
    public static byte[] readFile(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(file + ": is a directory, expected an IDX file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidInputException(file + ": " + size + " bytes, more than the " + MAX_FILE_BYTES
                        + " Undervolt reads");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(file + ": permission denied", e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private record Parsed(IdxHeader header, byte[] data) {
    }

    /** Decodes, checks the header and the exact length, and returns the header and the data after it. */
    private static Parsed parse(byte[] content, String file, int magic, String what) {
        boolean gz = Gunzip.isGzip(content);
        byte[] raw = content;
        boolean complete = true;
        if (gz) {
            // the header says how many bytes to expect: decode at most 1 MiB more (enough to count a few trailing
            // bytes), so a small file that inflates without end is refused there, not after a gigabyte
            int headerLength = 4 + 4 * (magic & 0xFF);
            byte[] head = Gunzip.head(content, file, headerLength);
            int limit = MAX_FILE_BYTES;
            String why = "the most Undervolt reads";
            IdxHeader announced = announced(head, headerLength, file, magic, what);
            if (announced != null) {
                long size = announced.length() + announced.dataLength();
                if (size + TRAILING_SLACK < MAX_FILE_BYTES) {
                    limit = (int) (size + TRAILING_SLACK);
                    why = "expected " + size + ": the header says " + describe(announced, what);
                }
            }
            Gunzip.Result r = Gunzip.decode(content, file, limit, why);
            raw = r.data();
            complete = r.complete();
        }
        if (!complete && raw.length < 4 + 4 * (magic & 0xFF)) {
            throw new InvalidInputException(file + ": truncated gzip data: it ends after " + raw.length
                    + " decoded bytes, inside the IDX header");
        }
        IdxHeader h = IdxHeader.parse(raw, raw.length, file, magic, what, MAX_FILE_BYTES - 64);
        long expected = h.length() + h.dataLength();
        String holds = gz ? (complete ? "gzip data decodes to " : "gzip data is truncated and decodes to ") + raw.length
                : "file holds " + raw.length;
        if (raw.length < expected) {
            throw new InvalidInputException(file + ": truncated: header says " + describe(h, what) + " (" + expected
                    + " bytes), " + holds);
        }
        if (raw.length > expected) {
            throw new InvalidInputException(file + ": " + (raw.length - expected) + " trailing bytes: header says "
                    + describe(h, what) + " (" + expected + " bytes), " + holds);
        }
        if (!complete) {
            throw new InvalidInputException(file + ": truncated gzip data: the stream ends before its end marker");
        }
        return new Parsed(h, Arrays.copyOfRange(raw, h.length(), raw.length));
    }

    /** Decoded bytes beyond a gzipped file's announced size that are still decoded, to count trailing bytes. */
    private static final int TRAILING_SLACK = 1 << 20;

    /**
     * The header in the first decoded bytes, or null when they do not hold a valid one (corrupt data is then
     * reported by the full decode, which checks the CRC).
     */
    private static IdxHeader announced(byte[] head, int headerLength, String file, int magic, String what) {
        if (head.length < headerLength) {
            return null;
        }
        try {
            return IdxHeader.parse(head, head.length, file, magic, what, MAX_FILE_BYTES - 64);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static String describe(IdxHeader h, String what) {
        int[] d = h.dims();
        return d.length == 3 ? d[0] + " " + what + " of " + d[1] + "x" + d[2] : d[0] + " " + what;
    }
}
