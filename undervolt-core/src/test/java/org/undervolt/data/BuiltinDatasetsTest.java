package org.undervolt.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

/**
 * Facts about the shipped files: sizes, shapes and md5s as published (MNIST: LeCun et al. 1998 and
 * yann.lecun.com/exdb/mnist; Fashion-MNIST: Xiao et al. 2017, arXiv:1708.07747, and its README's md5 table), and
 * the first labels and class counts as the files hold them, pinned so that a change to the files or the reader
 * shows.
 */
class BuiltinDatasetsTest {

    private static int[] firstLabels(ImageDataset d, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = d.label(i);
        }
        return out;
    }

    private static int[] classCounts(ImageDataset d) {
        int[] c = new int[d.numClasses()];
        for (byte b : d.labels()) {
            c[b]++;
        }
        return c;
    }

    @Test
    void mnistTrainMatchesThePublishedFacts() {
        ImageDataset d = Datasets.train(BuiltinDataset.MNIST);
        assertThat(d.size()).isEqualTo(60000);
        assertThat(d.rows()).isEqualTo(28);
        assertThat(d.cols()).isEqualTo(28);
        assertThat(d.numClasses()).isEqualTo(10);
        assertThat(d.name()).isEqualTo("mnist/train");
        assertThat(firstLabels(d, 10)).containsExactly(5, 0, 4, 1, 9, 2, 1, 3, 1, 4);
        assertThat(classCounts(d)).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        // the decompressed file's md5 (datasets.md §1a) pins every pixel
        assertThat(Checksums.md5(idxImageBytes(d))).isEqualTo("6bbc9ace898e44ae57da46a324031adb");
    }

    @Test
    void mnistTestMatchesThePublishedFacts() {
        ImageDataset d = Datasets.test(BuiltinDataset.MNIST);
        assertThat(d.size()).isEqualTo(10000);
        assertThat(firstLabels(d, 10)).containsExactly(7, 2, 1, 0, 4, 1, 4, 9, 5, 9);
        assertThat(classCounts(d)).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        assertThat(Checksums.md5(idxImageBytes(d))).isEqualTo("2646ac647ad5339dbf082846283269ea");
    }

    @Test
    void fashionMnistMatchesThePublishedFacts() {
        ImageDataset train = Datasets.train(BuiltinDataset.FASHION_MNIST);
        ImageDataset test = Datasets.test(BuiltinDataset.FASHION_MNIST);
        assertThat(train.size()).isEqualTo(60000);
        assertThat(test.size()).isEqualTo(10000);
        assertThat(firstLabels(train, 10)).containsExactly(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
        assertThat(firstLabels(test, 10)).containsExactly(9, 2, 1, 1, 6, 1, 4, 6, 5, 7);
        int[] sixThousand = new int[10];
        Arrays.fill(sixThousand, 6000);
        int[] thousand = new int[10];
        Arrays.fill(thousand, 1000);
        assertThat(classCounts(train)).containsExactly(sixThousand);
        assertThat(classCounts(test)).containsExactly(thousand);
    }

    @Test
    void firstMnistImageIsAFiveWithInkInTheMiddle() {
        ImageDataset d = Datasets.train(BuiltinDataset.MNIST);
        // border pixels are blank, the image holds ink, pixel values span the full 0..255 range
        int max = 0;
        int ink = 0;
        for (int p = 0; p < d.imageSize(); p++) {
            max = Math.max(max, d.pixel(0, p));
            ink += d.pixel(0, p) > 127 ? 1 : 0;
        }
        assertThat(d.pixel(0, 0)).isZero();
        assertThat(d.pixel(0, 783)).isZero();
        assertThat(max).isEqualTo(255);
        assertThat(ink).isBetween(60, 250);
    }

    @Test
    void builtinSetsAreCachedPerJvm() {
        assertThat(Datasets.test(BuiltinDataset.MNIST)).isSameAs(Datasets.test(BuiltinDataset.MNIST));
    }

    @Test
    void builtinFilesCarryThePublishedMd5() {
        for (BuiltinDataset d : BuiltinDataset.values()) {
            for (Split s : Split.values()) {
                for (boolean labels : new boolean[] {false, true}) {
                    assertThat(Checksums.md5(Datasets.builtinFile(d, s, labels))).isEqualTo(d.gzMd5(s, labels));
                }
            }
        }
    }

    @Test
    void md5MismatchIsAClearError() {
        byte[] bytes = Datasets.builtinFile(BuiltinDataset.MNIST, Split.TEST, true).clone();
        bytes[100] ^= 1;
        assertThatThrownBy(() -> Checksums.verifyMd5(bytes, BuiltinDataset.MNIST.gzMd5(Split.TEST, true),
                "built-in mnist/t10k-labels-idx1-ubyte.gz", "reinstall"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("built-in mnist/t10k-labels-idx1-ubyte.gz: md5 ")
                .hasMessageContaining("expected ec29112dd5afa0611ce80d1b7f02629c")
                .hasMessageNotContaining("\n");
    }

    @Test
    void parsesNamesAndListsTheValidOnes() {
        assertThat(BuiltinDataset.parse("mnist")).isEqualTo(BuiltinDataset.MNIST);
        assertThat(BuiltinDataset.parse("Fashion-MNIST")).isEqualTo(BuiltinDataset.FASHION_MNIST);
        assertThat(BuiltinDataset.parse("fashion_mnist")).isEqualTo(BuiltinDataset.FASHION_MNIST);
        assertThatThrownBy(() -> BuiltinDataset.parse("cifar100"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown dataset 'cifar100', expected one of: mnist, fashion-mnist");
    }

    @Test
    void dataSourceChoosesBuiltinOrFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        DataSource builtin = DataSource.of("fashion-mnist", null);
        assertThat(builtin.builtin()).isTrue();
        assertThat(builtin.test()).isSameAs(Datasets.test(BuiltinDataset.FASHION_MNIST));
        assertThat(DataSource.of(null, null).dataset()).isEqualTo(BuiltinDataset.MNIST);
        ImageDataset small = Datasets.test(BuiltinDataset.MNIST).slice(0, 20);
        IdxWriter.write(small, dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"), true);
        DataSource folder = DataSource.of("mnist", dir);
        assertThat(folder.builtin()).isFalse();
        assertThat(folder.test().pixels()).isEqualTo(small.pixels());
        assertThat(folder.describe()).isEqualTo(dir + " (IDX files)");
        assertThatThrownBy(folder::train).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no train-images-idx3-ubyte or train-images-idx3-ubyte.gz");
    }

    /** The IDX image file's bytes as the original uncompressed file holds them. */
    static byte[] idxImageBytes(ImageDataset d) {
        byte[] out = new byte[16 + d.pixels().length];
        java.nio.ByteBuffer.wrap(out).putInt(0x803).putInt(d.size()).putInt(d.rows()).putInt(d.cols());
        System.arraycopy(d.pixels(), 0, out, 16, d.pixels().length);
        return out;
    }
}
