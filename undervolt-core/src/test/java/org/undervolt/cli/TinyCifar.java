package org.undervolt.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.undervolt.data.CifarBinaryReader;

/**
 * A tiny synthetic set in the CIFAR-10 binary format (1 label byte + 3×32×32 pixel bytes per record),
 * written as the six files a CIFAR-10 {@code --data-dir} holds. Image of class {@code k} (0..2) has a
 * bright colour plane {@code k} and dark others, plus noise: separable by colour alone.
 */
final class TinyCifar {
    private TinyCifar() {
    }

    /** {@code perBatch} images in each of the 5 training files, {@code test} in the test file; returns {@code dir}. */
    static Path write(Path dir, int perBatch, int test, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        try {
            Files.createDirectories(dir);
            for (String f : CifarBinaryReader.TRAIN_FILES) {
                Files.write(dir.resolve(f), records(perBatch, rng));
            }
            Files.write(dir.resolve(CifarBinaryReader.TEST_FILE), records(test, rng));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static byte[] records(int n, SplittableRandom rng) {
        int plane = 32 * 32;
        byte[] b = new byte[n * CifarBinaryReader.RECORD_BYTES];
        for (int i = 0; i < n; i++) {
            int label = rng.nextInt(3);
            int at = i * CifarBinaryReader.RECORD_BYTES;
            b[at] = (byte) label;
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < plane; p++) {
                    int v = (c == label ? 190 : 30) + rng.nextInt(40);
                    b[at + 1 + c * plane + p] = (byte) v;
                }
            }
        }
        return b;
    }
}
