package org.undervolt.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.undervolt.InvalidInputException;

/**
 * Reads the CIFAR-10 "binary version" (Krizhevsky, "Learning Multiple Layers of Features from Tiny
 * Images", 2009; format as described on the CIFAR-10 page, www.cs.toronto.edu/~kriz/cifar.html).
 *
 * <p>Each file is a sequence of 3073-byte records: one label byte ({@code 0..9}) and 3072 pixel bytes,
 * the 1024 red values, then 1024 green, then 1024 blue, each plane 32x32 row-major. The training set
 * is {@code data_batch_1.bin} .. {@code data_batch_5.bin} (10000 records each), the test set
 * {@code test_batch.bin}. Files may also be gzip-compressed (detected from the content). CIFAR-10 does not ship
 * with Undervolt (only MNIST and Fashion-MNIST do, {@link BuiltinDataset}), so this reads users' own copies.
 */
public final class CifarBinaryReader {
    /** Image side, channels and record length of CIFAR-10. */
    public static final int SIDE = 32;
    public static final int CHANNELS = 3;
    public static final int IMAGE_BYTES = CHANNELS * SIDE * SIDE;
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    public static final int NUM_CLASSES = 10;
    /** Training files of the binary version. */
    public static final List<String> TRAIN_FILES =
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    /** Test file of the binary version. */
    public static final String TEST_FILE = "test_batch.bin";
    /** The folder the official archive unpacks to. */
    public static final String ARCHIVE_FOLDER = "cifar-10-batches-bin";

    private CifarBinaryReader() {
    }

    /** Reads the training or test files of the CIFAR-10 binary version from {@code dir} (or its {@value #ARCHIVE_FOLDER}). */
    public static ColorImageDataset read(Path dir, Split split) {
        return read("cifar10/" + split.id(), files(dir, split));
    }

    /** True when {@code dir} (or its {@value #ARCHIVE_FOLDER}) holds {@value #TEST_FILE} or the first training file. */
    public static boolean present(Path dir) {
        for (Path base : new Path[] {dir, dir.resolve(ARCHIVE_FOLDER)}) {
            if (Files.isRegularFile(base.resolve(TEST_FILE)) || Files.isRegularFile(base.resolve(TRAIN_FILES.get(0)))) {
                return true;
            }
        }
        return false;
    }

    /** The files of {@code split} in {@code dir} (or its {@value #ARCHIVE_FOLDER}); all must exist. */
    public static List<Path> files(Path dir, Split split) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory")
                    + ", expected a folder holding the CIFAR-10 binary files");
        }
        Path base = dir;
        List<String> names = split == Split.TRAIN ? TRAIN_FILES : List.of(TEST_FILE);
        if (!Files.exists(dir.resolve(names.get(0))) && Files.isDirectory(dir.resolve(ARCHIVE_FOLDER))) {
            base = dir.resolve(ARCHIVE_FOLDER);
        }
        List<Path> files = new ArrayList<>();
        for (String n : names) {
            Path f = base.resolve(n);
            if (!Files.isRegularFile(f)) {
                throw new InvalidInputException(dir + ": no " + n + " (expected the CIFAR-10 binary files "
                        + String.join(", ", names) + " here or in " + ARCHIVE_FOLDER + "/)");
            }
            files.add(f);
        }
        return files;
    }

    /** Reads and concatenates the records of {@code files}. */
    public static ColorImageDataset read(String name, List<Path> files) {
        List<byte[]> contents = new ArrayList<>();
        for (Path f : files) {
            contents.add(records(IdxReader.readFile(f), f.toString()));
        }
        return assemble(name, contents);
    }

    /** Reads one file held in memory; {@code file} names it in messages. */
    public static ColorImageDataset read(byte[] content, String file) {
        return assemble(file, List.of(records(content, file)));
    }

    private static ColorImageDataset assemble(String name, List<byte[]> contents) {
        long total = 0;
        for (byte[] c : contents) {
            total += c.length / RECORD_BYTES;
        }
        if (total * IMAGE_BYTES > Integer.MAX_VALUE - 64) {
            throw new InvalidInputException(name + ": the files hold " + total + " images, more than fit in one array");
        }
        byte[] pixels = new byte[(int) total * IMAGE_BYTES];
        byte[] labels = new byte[(int) total];
        int i = 0;
        for (byte[] c : contents) {
            for (int r = 0; r < c.length; r += RECORD_BYTES, i++) {
                labels[i] = c[r];
                System.arraycopy(c, r + 1, pixels, i * IMAGE_BYTES, IMAGE_BYTES);
            }
        }
        return new ColorImageDataset(name, CHANNELS, SIDE, SIDE, pixels, labels, NUM_CLASSES);
    }

    /** The decoded, checked records of one file. */
    private static byte[] records(byte[] content, String file) {
        byte[] c = content;
        if (Gunzip.isGzip(content)) {
            Gunzip.Result r = Gunzip.decode(content, file, IdxReader.MAX_FILE_BYTES);
            if (!r.complete()) {
                throw new InvalidInputException(file + ": truncated gzip data: it ends after " + r.data().length
                        + " decoded bytes");
            }
            c = r.data();
        }
        if (c.length == 0) {
            throw new InvalidInputException(file + ": empty file, expected CIFAR-10 binary records of "
                    + RECORD_BYTES + " bytes (1 label + 3x32x32 pixels)");
        }
        if (c.length % RECORD_BYTES != 0) {
            throw new InvalidInputException(file + ": truncated or padded: " + c.length + " bytes is not a whole number"
                    + " of " + RECORD_BYTES + "-byte records (1 label + 3x32x32 pixels); " + c.length / RECORD_BYTES
                    + " whole records and " + c.length % RECORD_BYTES + " bytes left over");
        }
        for (int r = 0; r < c.length; r += RECORD_BYTES) {
            int label = c[r] & 0xFF;
            if (label >= NUM_CLASSES) {
                throw new InvalidInputException(file + ": label " + label + " in record " + r / RECORD_BYTES
                        + ", expected 0.." + (NUM_CLASSES - 1));
            }
        }
        return c;
    }
}
