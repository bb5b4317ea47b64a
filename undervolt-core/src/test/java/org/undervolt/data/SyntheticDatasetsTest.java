package org.undervolt.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntheticDatasetsTest {

    @Test
    void deterministicFromTheSeedAndPrefixStable() {
        ImageDataset a = SyntheticDatasets.separableBlobs(50, 6, 6, 4, 42);
        ImageDataset b = SyntheticDatasets.separableBlobs(50, 6, 6, 4, 42);
        ImageDataset longer = SyntheticDatasets.separableBlobs(80, 6, 6, 4, 42);
        ImageDataset other = SyntheticDatasets.separableBlobs(50, 6, 6, 4, 43);
        assertThat(a.pixels()).isEqualTo(b.pixels());
        assertThat(longer.slice(0, 50).pixels()).isEqualTo(a.pixels());
        assertThat(other.pixels()).isNotEqualTo(a.pixels());
        assertThat(a.labels()).startsWith((byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 0);
    }

    /** Nearest-prototype (class mean) classification gets every image right: the classes are separable. */
    @Test
    void classesAreSeparableByTheirMeans() {
        int classes = 10;
        ImageDataset d = SyntheticDatasets.separableBlobs(500, 8, 8, classes, 1);
        double[][] mean = new double[classes][d.imageSize()];
        int[] count = new int[classes];
        for (int i = 0; i < 250; i++) {
            count[d.label(i)]++;
            for (int p = 0; p < d.imageSize(); p++) {
                mean[d.label(i)][p] += d.pixel(i, p);
            }
        }
        int correct = 0;
        for (int i = 250; i < 500; i++) {
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int c = 0; c < classes; c++) {
                double dist = 0;
                for (int p = 0; p < d.imageSize(); p++) {
                    double diff = d.pixel(i, p) - mean[c][p] / count[c];
                    dist += diff * diff;
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = c;
                }
            }
            correct += best == d.label(i) ? 1 : 0;
        }
        assertThat(correct).isEqualTo(250);
    }

    @Test
    void colorBlobsHaveTheRequestedShape() {
        ColorImageDataset d = SyntheticDatasets.separableColorBlobs(7, 3, 32, 32, 10, 5);
        assertThat(d.size()).isEqualTo(7);
        assertThat(d.imageSize()).isEqualTo(3072);
        assertThat(d.labels()).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }
}
