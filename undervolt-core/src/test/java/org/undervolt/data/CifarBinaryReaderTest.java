package org.undervolt.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;

/** Synthetic files in the CIFAR-10 binary format: 1 label byte + 3072 pixel bytes per record. */
public class CifarBinaryReaderTest {
    @TempDir
    Path dir;

    /** {@code n} records; record {@code i} has label {@code (i + first) % 10} and pixel {@code p} = {@code (p + 7 i) % 251}. */
    public static byte[] records(int n, int first) {
        byte[] b = new byte[n * 3073];
        for (int i = 0; i < n; i++) {
            b[i * 3073] = (byte) ((i + first) % 10);
            for (int p = 0; p < 3072; p++) {
                b[i * 3073 + 1 + p] = (byte) ((p + 7 * (i + first)) % 251);
            }
        }
        return b;
    }

    @Test
    void readsRecordsChannelMajor() throws IOException {
        Path f = Files.write(dir.resolve("test_batch.bin"), records(4, 0));
        ColorImageDataset d = CifarBinaryReader.read(dir, Split.TEST);
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.channels()).isEqualTo(3);
        assertThat(d.rows()).isEqualTo(32);
        assertThat(d.cols()).isEqualTo(32);
        assertThat(d.numClasses()).isEqualTo(10);
        assertThat(d.labels()).containsExactly(0, 1, 2, 3);
        // image 2: red plane starts at byte 1 of its record, green at 1 + 1024, blue at 1 + 2048
        assertThat(d.pixel(2, 0, 0, 0)).isEqualTo(14);
        assertThat(d.pixel(2, 1, 0, 0)).isEqualTo((1024 + 14) % 251);
        assertThat(d.pixel(2, 2, 31, 31)).isEqualTo((3071 + 14) % 251);
        assertThat(d.pixel(2, 0, 1, 3)).isEqualTo((35 + 14) % 251);
        assertThat(d.name()).isEqualTo("cifar10/test");
        assertThat(f).exists();
    }

    @Test
    void trainingSetConcatenatesTheFiveBatchesInOrder() throws IOException {
        Path sub = Files.createDirectories(dir.resolve(CifarBinaryReader.ARCHIVE_FOLDER));
        for (int b = 1; b <= 5; b++) {
            Files.write(sub.resolve("data_batch_" + b + ".bin"), records(2, 2 * (b - 1)));
        }
        ColorImageDataset d = Datasets.cifar10(dir, Split.TRAIN);
        assertThat(d.size()).isEqualTo(10);
        assertThat(d.labels()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(d.pixel(9, 0, 0, 0)).isEqualTo(63);
    }

    @Test
    void gzipFilesAreReadByContent() throws IOException {
        Path f = Files.write(dir.resolve("x.bin"), IdxReaderTest.gzip(records(3, 5)));
        assertThat(CifarBinaryReader.read("x", List.of(f)).labels()).containsExactly(5, 6, 7);
    }

    @Test
    void truncatedFileIsOneClearLine() throws IOException {
        byte[] full = records(3, 0);
        Path f = Files.write(dir.resolve("test_batch.bin"), Arrays.copyOf(full, full.length - 100));
        assertThatThrownBy(() -> CifarBinaryReader.read(dir, Split.TEST))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(f + ": truncated or padded: 9119 bytes is not a whole number of 3073-byte records"
                        + " (1 label + 3x32x32 pixels); 2 whole records and 2973 bytes left over");
        byte[] gz = IdxReaderTest.gzip(full);
        Path g = Files.write(dir.resolve("cut.bin"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> CifarBinaryReader.read("cut", List.of(g)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(g + ": truncated gzip data");
    }

    @Test
    void emptyFileLabelOutOfRangeAndMissingFiles() throws IOException {
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
        assertThatThrownBy(() -> CifarBinaryReader.read("e", List.of(empty)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(empty + ": empty file");
        byte[] bad = records(3, 0);
        bad[3073] = 10;
        Path f = Files.write(dir.resolve("bad.bin"), bad);
        assertThatThrownBy(() -> CifarBinaryReader.read("b", List.of(f)))
                .isInstanceOf(InvalidInputException.class).hasMessage(f + ": label 10 in record 1, expected 0..9");
        Files.write(dir.resolve("data_batch_1.bin"), records(1, 0));
        assertThatThrownBy(() -> CifarBinaryReader.read(dir, Split.TRAIN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(dir + ": no data_batch_2.bin (expected the CIFAR-10 binary files");
    }

    @Test
    void greyscaleUsesBt601Luma() {
        byte[] px = new byte[3 * 4];
        Arrays.fill(px, 0, 4, (byte) 200); // red plane
        Arrays.fill(px, 4, 8, (byte) 100); // green plane
        Arrays.fill(px, 8, 12, (byte) 50); // blue plane
        ColorImageDataset d = new ColorImageDataset("c", 3, 2, 2, px, new byte[] {1}, 10);
        ImageDataset g = d.toGreyscale();
        // 0.299*200 + 0.587*100 + 0.114*50 = 124.2
        assertThat(g.pixel(0, 3)).isEqualTo(124);
        assertThat(g.labels()).containsExactly(1);
    }
}
