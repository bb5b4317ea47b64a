package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.MemoryRegion;
import org.undervolt.dram.error.RowSpan;
import org.undervolt.mapping.DramModule;
import org.undervolt.mapping.LocationStorage;
import org.undervolt.usecase.ToleranceRequest;
import org.undervolt.random.Seeds;

/**
 * The error-model contract of {@code dram.error.ErrorModelContractTest}, kept by the per-BER model of the
 * voltage-following weak subarrays ({@link LocationStorage#errors}, chosen by sparkxd {@code weak_fraction < 1} and
 * {@code tolerance --location-device}), which the registry cannot build (it needs a part and a measured device):
 * axis BER 0 flips nothing; over devices the expected flips are the module BER at the axis point's voltage times
 * the bits; on one device the flips drawn stay within binomial bounds; flips stay inside the region, counted once.
 * Region: one 64-byte row in every subarray of the module, inside padding that would show a stray flip.
 */
class WeakSubarrayErrorModelContractTest {
    private static final int PAD = 64;
    private static final int ROW = 64;

    private static LocationStorage storage(long deviceSeed) {
        return ToleranceRequest.Location.named("LPDDR3-1600", "voltron:A4").storage(deviceSeed);
    }

    private static List<RowSpan> spans(DramModule m) {
        List<RowSpan> spans = new ArrayList<>();
        int at = PAD;
        for (int b = 0; b < m.totalBanks(); b++) {
            for (int s = 0; s < m.subarraysPerBank(); s++) {
                spans.add(new RowSpan(at, at + ROW, b, s, 0, 0));
                at += ROW;
            }
        }
        return spans;
    }

    private static int bytes(DramModule m) {
        return m.totalBanks() * m.subarraysPerBank() * ROW;
    }

    private static byte[] data(int bytes) {
        byte[] d = new byte[PAD + bytes + PAD];
        Arrays.fill(d, (byte) 0x5A);
        return d;
    }

    private static MemoryRegion region(byte[] data, List<RowSpan> spans) {
        return new MemoryRegion(data, PAD, data.length - PAD, () -> spans);
    }

    /** An axis BER at which a real fraction of subarrays is unsafe (neither none nor all). */
    private static double axisBer(LocationStorage s) {
        return s.maxBer() / 10;
    }

    @Test
    void berZeroFlipsNothing() {
        LocationStorage s = storage(1);
        List<RowSpan> spans = spans(s.module());
        ErrorModel m = s.errors(0);
        for (long seed = 0; seed < 10; seed++) {
            byte[] d = data(bytes(s.module()));
            assertThat(m.inject(region(d, spans), Seeds.stream(seed))).isZero();
            assertThat(d).isEqualTo(data(bytes(s.module())));
        }
        assertThat(m.expectedFlips(region(data(bytes(s.module())), spans))).isZero();
    }

    @Test
    void overDevicesTheExpectedFlipsAreTheModuleBerTimesTheBits() {
        LocationStorage first = storage(0);
        double ber = axisBer(first);
        int bytes = bytes(first.module());
        double moduleBer = ((Number) first.at(ber, bytes).get("module_ber")).doubleValue();
        double unsafe = ((Number) first.at(ber, bytes).get("unsafe_fraction")).doubleValue();
        assertThat(moduleBer).isPositive().isLessThanOrEqualTo(ber * (1 + 1e-9)); // the lowest V whose BER is at most the axis BER
        assertThat(unsafe).isBetween(0.005, 0.995);
        List<RowSpan> spans = spans(first.module());
        int devices = 200;
        double sum = 0;
        double sumSq = 0;
        for (long d = 0; d < devices; d++) {
            double e = storage(d).errors(ber).expectedFlips(region(data(bytes), spans));
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / devices;
        double sd = Math.sqrt((sumSq - sum * mean) / (devices - 1));
        assertThat(mean).isCloseTo(8.0 * bytes * moduleBer, within(5 * sd / Math.sqrt(devices) + 1e-9));
    }

    @Test
    void onOneDeviceTheFlipsAreWithinBinomialBoundsAndInsideTheRegion() {
        LocationStorage s = storage(7);
        double ber = axisBer(s);
        int bytes = bytes(s.module());
        List<RowSpan> spans = spans(s.module());
        ErrorModel m = s.errors(ber);
        double perTrial = m.expectedFlips(region(data(bytes), spans));
        assertThat(perTrial).isPositive();
        int trials = 50;
        long total = 0;
        for (int t = 0; t < trials; t++) {
            byte[] d = data(bytes);
            List<Long> told = new ArrayList<>();
            long n = m.inject(region(d, spans), Seeds.stream(5, t), told::add);
            byte[] clean = data(bytes);
            long changed = 0;
            for (int i = 0; i < d.length; i++) {
                if (i < PAD || i >= PAD + bytes) {
                    assertThat(d[i]).as("byte %d outside the region", i).isEqualTo(clean[i]);
                }
                changed += Integer.bitCount((d[i] ^ clean[i]) & 0xFF);
            }
            assertThat(n).isEqualTo(changed).isEqualTo(told.size());
            assertThat(told).doesNotHaveDuplicates();
            total += n;
        }
        double mean = trials * perTrial;
        assertThat((double) total).isCloseTo(mean, within(5 * Math.sqrt(mean) + 1));
    }
}
