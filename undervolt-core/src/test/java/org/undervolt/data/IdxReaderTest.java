package org.undervolt.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;

/** Crafted good and bad IDX files: every failure is one line that names the file. */
class IdxReaderTest {
    @TempDir
    Path dir;

    private static final ImageDataset SMALL = SyntheticDatasets.separableBlobs(12, 5, 4, 3, 7);

    static byte[] images(int magic, int n, int rows, int cols, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + dataBytes).putInt(magic).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < dataBytes; i++) {
            b.put((byte) (i * 31));
        }
        return b.array();
    }

    static byte[] labels(int... values) {
        ByteBuffer b = ByteBuffer.allocate(8 + values.length).putInt(0x801).putInt(values.length);
        for (int v : values) {
            b.put((byte) v);
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertBad(Path file, Runnable read) {
        return assertThatThrownBy(read::run)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file.toString() + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void readsPlainAndGzipByContentNotName() throws IOException {
        byte[] raw = images(0x803, 2, 3, 4, 24);
        Path plainNamedGz = write("a-images.gz", raw);
        Path gzNamedPlain = write("b-images", gzip(raw));
        for (Path p : new Path[] {plainNamedGz, gzNamedPlain}) {
            IdxReader.Images im = IdxReader.readImages(p);
            assertThat(im.count()).isEqualTo(2);
            assertThat(im.rows()).isEqualTo(3);
            assertThat(im.cols()).isEqualTo(4);
            assertThat(im.pixels()).isEqualTo(Arrays.copyOfRange(raw, 16, raw.length));
        }
    }

    @Test
    void readsConcatenatedGzipMembers() throws IOException {
        byte[] raw = images(0x803, 2, 3, 4, 24);
        byte[] a = gzip(Arrays.copyOfRange(raw, 0, 20));
        byte[] b = gzip(Arrays.copyOfRange(raw, 20, raw.length));
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertThat(IdxReader.readImages(write("cat.gz", both)).pixels()).isEqualTo(Arrays.copyOfRange(raw, 16, 40));
    }

    @Test
    void wrongMagic() throws IOException {
        Path f = write("t10k-images-idx3-ubyte", images(0x804, 1, 2, 2, 4));
        assertBad(f, () -> IdxReader.readImages(f))
                .hasMessage(f + ": wrong magic 0x00000804, expected 0x00000803 (IDX images: unsigned bytes, 3 dims)");
        Path labelsAsImages = write("labels", labels(1, 2));
        assertBad(labelsAsImages, () -> IdxReader.readImages(labelsAsImages))
                .hasMessageContaining("wrong magic 0x00000801, expected 0x00000803");
        Path floats = write("floats", images(0x0D03, 1, 1, 1, 4));
        assertBad(floats, () -> IdxReader.readImages(floats)).hasMessageContaining("wrong magic 0x00000D03");
        Path imagesAsLabels = write("images-as-labels.gz", gzip(images(0x803, 1, 1, 1, 1)));
        assertBad(imagesAsLabels, () -> IdxReader.readLabels(imagesAsLabels, 10))
                .hasMessageContaining("wrong magic 0x00000803, expected 0x00000801 (IDX labels: unsigned bytes, 1 dim)");
    }

    @Test
    void truncatedPlainFile() throws IOException {
        byte[] full = images(0x803, 10, 28, 28, 7840);
        Path f = write("t10k-images-idx3-ubyte", Arrays.copyOf(full, 5000));
        assertBad(f, () -> IdxReader.readImages(f))
                .hasMessage(f + ": truncated: header says 10 images of 28x28 (7856 bytes), file holds 5000");
    }

    @Test
    void truncatedInsideTheHeader() throws IOException {
        Path f = write("short", Arrays.copyOf(images(0x803, 1, 1, 1, 1), 10));
        assertBad(f, () -> IdxReader.readImages(f)).hasMessageContaining("truncated: 10 bytes, the IDX header alone takes 16");
        Path tiny = write("tiny", new byte[] {0, 0, 8});
        assertBad(tiny, () -> IdxReader.readImages(tiny)).hasMessageContaining("3 bytes, too short for an IDX header");
    }

    @Test
    void truncatedGzipFile() throws IOException {
        byte[] full = images(0x803, 10, 28, 28, 7840);
        byte[] gz = gzip(full);
        Path f = write("t10k-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length / 2));
        assertBad(f, () -> IdxReader.readImages(f))
                .hasMessageMatching(".*: truncated: header says 10 images of 28x28 \\(7856 bytes\\), "
                        + "gzip data is truncated and decodes to \\d+");
        // only the 8-byte trailer missing: all data arrives, the gzip stream is still cut short
        Path g = write("no-trailer.gz", Arrays.copyOf(gz, gz.length - 8));
        assertBad(g, () -> IdxReader.readImages(g)).hasMessageContaining("truncated gzip data");
        // cut inside the gzip header
        Path h = write("cut-header.gz", Arrays.copyOf(gz, 5));
        assertBad(h, () -> IdxReader.readImages(h)).hasMessageContaining("truncated gzip data");
    }

    @Test
    void corruptGzip() throws IOException {
        byte[] gz = gzip(images(0x803, 10, 28, 28, 7840));
        byte[] bad = gz.clone();
        for (int i = 20; i < 40; i++) {
            bad[i] = (byte) 0xFF;
        }
        Path f = write("corrupt.gz", bad);
        assertBad(f, () -> IdxReader.readImages(f)).hasMessageContaining("corrupt gzip data");
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        Path c = write("crc.gz", badCrc);
        assertBad(c, () -> IdxReader.readImages(c)).hasMessage(c + ": corrupt gzip data (CRC-32 mismatch)");
        byte[] badMethod = gz.clone();
        badMethod[2] = 7;
        Path m = write("method.gz", badMethod);
        assertBad(m, () -> IdxReader.readImages(m)).hasMessageContaining("compression method 7, expected 8");
    }

    @Test
    void trailingBytes() throws IOException {
        byte[] raw = images(0x803, 2, 3, 4, 24);
        byte[] longer = Arrays.copyOf(raw, raw.length + 3);
        Path f = write("trailing", longer);
        assertBad(f, () -> IdxReader.readImages(f))
                .hasMessage(f + ": 3 trailing bytes: header says 2 images of 3x4 (40 bytes), file holds 43");
        Path g = write("trailing-inside.gz", gzip(longer));
        assertBad(g, () -> IdxReader.readImages(g)).hasMessageContaining("3 trailing bytes").hasMessageContaining("decodes to 43");
        byte[] gz = gzip(raw);
        byte[] garbage = Arrays.copyOf(gz, gz.length + 5);
        garbage[gz.length] = 'x';
        Path h = write("garbage-after.gz", garbage);
        assertBad(h, () -> IdxReader.readImages(h)).hasMessage(h + ": 5 bytes of trailing garbage after the gzip data");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("train-labels-idx1-ubyte", new byte[0]);
        assertBad(f, () -> IdxReader.readLabels(f, 10))
                .hasMessage(f + ": empty file, expected 0x00000801 (IDX labels: unsigned bytes, 1 dim)");
    }

    @Test
    void nonPositiveOrHugeDimensions() throws IOException {
        Path zero = write("zero", images(0x803, 0, 28, 28, 0));
        assertBad(zero, () -> IdxReader.readImages(zero)).hasMessageContaining("dimension 0 is 0");
        Path negative = write("negative", images(0x803, 1, -28, 28, 0));
        assertBad(negative, () -> IdxReader.readImages(negative))
                .hasMessageContaining("dimension 1 is -28 (unsigned 4294967268), expected a positive size");
        Path huge = write("huge", images(0x803, 1 << 20, 1 << 12, 1 << 12, 0));
        assertBad(huge, () -> IdxReader.readImages(huge)).hasMessageContaining("the most Undervolt reads");
    }

    @Test
    void labelOutOfRange() throws IOException {
        Path f = write("labels", labels(3, 9, 10, 1));
        assertBad(f, () -> IdxReader.readLabels(f, 10)).hasMessage(f + ": label 10 at index 2, expected 0..9");
        assertThat(IdxReader.readLabels(f, 11)).containsExactly(3, 9, 10, 1);
    }

    @Test
    void mismatchedCounts() throws IOException {
        Path im = write("train-images-idx3-ubyte", images(0x803, 3, 2, 2, 12));
        Path lb = write("train-labels-idx1-ubyte", labels(1, 2));
        assertBad(lb, () -> IdxReader.readDataset("x", im, lb, 10))
                .hasMessage(lb + ": holds 2 labels but " + im + " holds 3 images; expected one label per image");
    }

    @Test
    void missingFilesAndFolders() throws IOException {
        Path f = dir.resolve("nope-images");
        assertBad(f, () -> IdxReader.readImages(f)).hasMessage(f + ": no such file");
        write("train-images-idx3-ubyte.gz", gzip(images(0x803, 1, 1, 1, 1)));
        assertBad(dir, () -> Datasets.train(dir)).hasMessageContaining(
                "no train-labels-idx1-ubyte or train-labels-idx1-ubyte.gz");
        assertBad(dir, () -> Datasets.test(dir)).hasMessageContaining("no t10k-images-idx3-ubyte or t10k-images-idx3-ubyte.gz");
        Path absent = dir.resolve("absent");
        assertBad(absent, () -> Datasets.train(absent)).hasMessageContaining("no such directory");
        assertBad(dir, () -> IdxReader.readImages(dir)).hasMessage(dir + ": is a directory, expected an IDX file");
    }

    @Test
    void acceptsTheDottedFileNames() throws IOException {
        IdxWriter.write(SMALL, dir.resolve("t10k-images.idx3-ubyte"), dir.resolve("t10k-labels.idx1-ubyte.gz"), false);
        assertThat(Datasets.load(dir, Split.TEST, 3).labels()).isEqualTo(SMALL.labels());
        assertThat(IdxFiles.present(dir)).isTrue();
    }

    @Test
    void labelsAboveOneHundredTwentySevenReadAsUnsigned() throws IOException {
        Path im = write("im", images(0x803, 2, 1, 1, 2));
        Path lb = write("lb", labels(200, 3));
        ImageDataset d = IdxReader.readDataset("x", im, lb, 256);
        assertThat(d.label(0)).isEqualTo(200);
        assertThat(d.label(1)).isEqualTo(3);
    }

    @Test
    void roundTripPlainAndGzip() {
        for (boolean gz : new boolean[] {false, true}) {
            Path sub = dir.resolve(gz ? "gz" : "plain");
            sub.toFile().mkdirs();
            String ext = gz ? ".gz" : "";
            IdxWriter.write(SMALL, sub.resolve("train-images-idx3-ubyte" + ext),
                    sub.resolve("train-labels-idx1-ubyte" + ext), gz);
            ImageDataset back = Datasets.load(sub, Split.TRAIN, 3);
            assertThat(back.rows()).isEqualTo(5);
            assertThat(back.cols()).isEqualTo(4);
            assertThat(back.pixels()).isEqualTo(SMALL.pixels());
            assertThat(back.labels()).isEqualTo(SMALL.labels());
            assertThat(back.numClasses()).isEqualTo(3);
        }
    }

    @Test
    void writingTheMnistTestSetReproducesThePublishedUncompressedFiles() throws IOException {
        ImageDataset test = Datasets.test(BuiltinDataset.MNIST);
        Path im = dir.resolve("t10k-images-idx3-ubyte");
        Path lb = dir.resolve("t10k-labels-idx1-ubyte");
        IdxWriter.write(test, im, lb, false);
        assertThat(Checksums.md5(Files.readAllBytes(im))).isEqualTo(BuiltinDataset.MNIST.rawMd5(Split.TEST, false));
        assertThat(Checksums.md5(Files.readAllBytes(lb))).isEqualTo(BuiltinDataset.MNIST.rawMd5(Split.TEST, true));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
        }
    }
}
