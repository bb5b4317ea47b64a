package org.undervolt.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.random.Seeds;

/**
 * Random damage to valid files (truncation, flipped bytes, appended bytes): a reader either accepts
 * the file or throws {@link InvalidInputException} with one line that names the file; nothing else
 * escapes. Deterministic from a fixed seed.
 */
class MutatedFilesTest {
    private static final int CASES = 1500;

    private static byte[] mutate(byte[] valid, SplittableRandom r) {
        byte[] b = valid.clone();
        switch (r.nextInt(4)) {
            case 0 -> b = Arrays.copyOf(b, r.nextInt(b.length));
            case 1 -> {
                int flips = 1 + r.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 2 -> {
                b = Arrays.copyOf(b, b.length + 1 + r.nextInt(20));
                for (int k = valid.length; k < b.length; k++) {
                    b[k] = (byte) r.nextInt(256);
                }
            }
            default -> {
                int at = r.nextInt(b.length);
                for (int k = at; k < Math.min(b.length, at + 1 + r.nextInt(16)); k++) {
                    b[k] = (byte) r.nextInt(256);
                }
            }
        }
        return b;
    }

    private static int check(byte[] valid, long stream, Consumer<byte[]> read) {
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] bad = mutate(valid, Seeds.stream(99, stream, i));
            try {
                read.accept(bad);
            } catch (InvalidInputException e) {
                assertThat(e.getMessage()).startsWith("f: ").doesNotContain("\n");
                rejected++;
            } catch (RuntimeException e) {
                fail("case " + i + " escaped as " + e, e);
            }
        }
        return rejected;
    }

    @Test
    void damagedIdxFilesAreRejectedCleanly() throws IOException {
        ImageDataset d = SyntheticDatasets.separableBlobs(6, 7, 5, 3, 3);
        byte[] plain = BuiltinDatasetsTest.idxImageBytes(d);
        byte[] labels = IdxReaderTest.labels(0, 1, 2, 0, 1, 2);
        assertThat(check(plain, 1, b -> IdxReader.readImages(b, "f"))).isGreaterThan(CASES / 2);
        assertThat(check(IdxReaderTest.gzip(plain), 2, b -> IdxReader.readImages(b, "f"))).isGreaterThan(CASES * 9 / 10);
        assertThat(check(labels, 3, b -> IdxReader.readLabels(b, "f", 3))).isGreaterThan(CASES / 2);
        assertThat(check(IdxReaderTest.gzip(labels), 4, b -> IdxReader.readLabels(b, "f", 3))).isGreaterThan(CASES * 9 / 10);
    }

    @Test
    void damagedCifarFilesAreRejectedCleanly() throws IOException {
        byte[] valid = CifarBinaryReaderTest.records(2, 4);
        check(valid, 5, b -> CifarBinaryReader.read(b, "f"));
        assertThat(check(IdxReaderTest.gzip(valid), 6, b -> CifarBinaryReader.read(b, "f"))).isGreaterThan(CASES * 9 / 10);
    }
}
