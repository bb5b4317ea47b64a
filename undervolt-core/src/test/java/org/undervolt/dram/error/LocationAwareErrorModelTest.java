package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.error.LocationAwareErrorModel.Granularity;
import org.undervolt.dram.error.LocationAwareErrorModel.Region;
import org.undervolt.random.Seeds;

/** SparkXD's location-aware model: only weak subarrays/banks err, each at its BER. */
class LocationAwareErrorModelTest {
    private static final int ROWS = 16;
    private static final int ROW_BYTES = 32;
    private static final int SUBARRAY_BYTES = ROWS * ROW_BYTES;
    /** 4 banks x 4 subarrays. */
    private static final List<RowSpan> SPANS = Layouts.grid(4, 4, ROWS, ROW_BYTES);
    private static final int BYTES = 16 * SUBARRAY_BYTES;

    @Test
    void onlyGivenRegionsErrEachAtItsRate() {
        LocationAwareErrorModel model = LocationAwareErrorModel.of(Map.of(
                new Region(0, 1), 0.01, Region.bank(2), 0.002, new Region(2, 3), 0.02));
        int trials = 2000;
        long[][] perSubarray = new long[16][trials];
        byte[] data = new byte[BYTES];
        MemoryRegion region = Layouts.region(data, SPANS);
        for (int t = 0; t < trials; t++) {
            int trial = t;
            model.inject(region, Seeds.stream(4, t), bit -> perSubarray[(int) (bit >>> 3) / SUBARRAY_BYTES][trial]++);
        }
        double bits = 8.0 * SUBARRAY_BYTES;
        for (int sa = 0; sa < 16; sa++) {
            int bank = sa / 4;
            int sub = sa % 4;
            double p = bank == 0 && sub == 1 ? 0.01 : bank == 2 ? (sub == 3 ? 0.02 : 0.002) : 0;
            double sum = 0;
            for (long c : perSubarray[sa]) {
                sum += c;
            }
            if (p == 0) {
                assertThat(sum).as("subarray %d", sa).isZero();
            } else {
                double sd = Math.sqrt(bits * p * (1 - p) / trials);
                assertThat(Math.abs(sum / trials - bits * p)).as("subarray %d", sa).isLessThan(5 * sd);
            }
        }
        assertThat(model.expectedFlips(region)).isCloseTo(bits * (0.01 + 3 * 0.002 + 0.02),
                org.assertj.core.api.Assertions.within(1e-9));
    }

    private static List<Integer> erringSubarrays(LocationAwareErrorModel model, long trial) {
        byte[] data = new byte[BYTES];
        boolean[] hit = new boolean[16];
        model.inject(Layouts.region(data, SPANS), Seeds.stream(5, trial), bit -> hit[(int) (bit >>> 3) / SUBARRAY_BYTES] = true);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            if (hit[i]) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void drawnWeakSubarraysAreFixedPerDeviceOrRedrawnPerTrial() {
        // BER 0.05 over 4096 bits: a weak subarray errs in every trial (P(no flip) ~ e^-200).
        LocationAwareErrorModel fixed = LocationAwareErrorModel.random(0.25, 0.05, Granularity.SUBARRAY, WeakCells.fixed(8));
        List<Integer> first = erringSubarrays(fixed, 0);
        assertThat(first).isNotEmpty().hasSizeLessThan(16);
        for (int t = 1; t < 20; t++) {
            assertThat(erringSubarrays(fixed, t)).isEqualTo(first);
        }
        LocationAwareErrorModel redrawn = LocationAwareErrorModel.random(0.25, 0.05, Granularity.SUBARRAY, WeakCells.perTrial());
        long weakTotal = 0;
        boolean changed = false;
        List<Integer> previous = erringSubarrays(redrawn, 0);
        int trials = 400;
        for (int t = 0; t < trials; t++) {
            List<Integer> now = erringSubarrays(redrawn, t);
            changed |= !now.equals(previous);
            weakTotal += now.size();
        }
        assertThat(changed).isTrue();
        // Weak subarrays per trial ~ Binomial(16, 0.25): mean 4, sd of the mean sqrt(3 / 400).
        assertThat(Math.abs(weakTotal / (double) trials - 4)).isLessThan(5 * Math.sqrt(3.0 / trials));
    }

    @Test
    void bankGranularityMakesWholeBanksWeak() {
        LocationAwareErrorModel model = LocationAwareErrorModel.random(0.5, 0.05, Granularity.BANK, WeakCells.fixed(12));
        List<Integer> subarrays = erringSubarrays(model, 0);
        assertThat(subarrays).isNotEmpty();
        assertThat(subarrays.size() % 4).isZero();
        for (int s : subarrays) {
            assertThat(subarrays).contains(s / 4 * 4, s / 4 * 4 + 1, s / 4 * 4 + 2, s / 4 * 4 + 3);
        }
        assertThat(LocationAwareErrorModel.of(Map.of()).inject(Layouts.region(new byte[BYTES], SPANS),
                new SplittableRandom(1))).isZero();
    }
}
