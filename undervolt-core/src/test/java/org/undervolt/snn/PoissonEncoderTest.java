package org.undervolt.snn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undervolt.random.Seeds;

class PoissonEncoderTest {

    @Test
    void countsHaveTheBernoulliMeanAndVariance() {
        byte[] px = new byte[784];
        px[10] = (byte) 255;
        px[20] = (byte) 128;
        PoissonEncoder enc = new PoissonEncoder();
        int trials = 4000;
        double sum10 = 0, sq10 = 0, sum20 = 0;
        for (int t = 0; t < trials; t++) {
            enc.encode(px, 0, 784, 2.0, Seeds.stream(7, t));
            int c10 = 0, c20 = 0;
            for (int k = 0; k < enc.count(); k++) {
                int i = enc.inputs()[k];
                assertThat(i).isIn(10, 20);
                if (i == 10) {
                    c10++;
                } else {
                    c20++;
                }
            }
            sum10 += c10;
            sq10 += (double) c10 * c10;
            sum20 += c20;
        }
        double p = 255 / 8.0 * 2 * 0.5e-3; // 63.75 Hz at 0.5 ms
        double mean = 700 * p; // 22.3125
        double var = 700 * p * (1 - p);
        double m10 = sum10 / trials;
        // 5 standard errors
        assertThat(m10).isBetween(mean - 5 * Math.sqrt(var / trials), mean + 5 * Math.sqrt(var / trials));
        double v10 = sq10 / trials - m10 * m10;
        assertThat(v10).isBetween(var * 0.9, var * 1.1);
        double mean20 = 700 * 128 / 8.0 * 2 * 0.5e-3;
        assertThat(sum20 / trials).isBetween(mean20 - 0.2, mean20 + 0.2);
    }

    @Test
    void spikesAreGroupedByStepAndDeterministic() {
        byte[] px = SyntheticDigits.make(1, 3).pixels();
        PoissonEncoder a = new PoissonEncoder();
        PoissonEncoder b = new PoissonEncoder();
        int na = a.encode(px, 0, 784, 2.0, Seeds.stream(1, 2, 3));
        int nb = b.encode(px, 0, 784, 2.0, Seeds.stream(1, 2, 3));
        assertThat(na).isEqualTo(nb).isPositive();
        assertThat(a.stepStart()).containsExactly(b.stepStart());
        for (int k = 0; k < na; k++) {
            assertThat(a.inputs()[k]).isEqualTo(b.inputs()[k]);
            assertThat(px[a.inputs()[k]]).isNotZero();
        }
        assertThat(a.stepStart()[700]).isEqualTo(na);
        for (int s = 0; s < 700; s++) {
            assertThat(a.stepStart()[s]).isLessThanOrEqualTo(a.stepStart()[s + 1]);
        }
    }

    @Test
    void blackImageHasNoSpikesAndSaturatedRateFiresEveryStep() {
        PoissonEncoder enc = new PoissonEncoder();
        assertThat(enc.encode(new byte[784], 0, 784, 2.0, Seeds.stream(1))).isZero();
        byte[] px = new byte[784];
        px[5] = (byte) 255;
        // intensity 63: 255/8*63 Hz = 2008 Hz, p > 1 at 0.5 ms
        assertThat(enc.encode(px, 0, 784, 63.0, Seeds.stream(1))).isEqualTo(700);
    }
}
