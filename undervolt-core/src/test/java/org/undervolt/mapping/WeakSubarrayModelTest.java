package org.undervolt.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.device.Device;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.error.MemoryRegion;
import org.undervolt.dram.error.RowSpan;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.fault.Injector;
import org.undervolt.random.Seeds;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.Formats;
import org.undervolt.storage.Placement;

/** SparkXD's weak subarrays following VDD: the location model placement, FAT and the tolerance search share. */
class WeakSubarrayModelTest {
    /** SparkXD's part: LPDDR3-1600 4 Gb x32, 8 banks x 32 subarrays of 512 rows of 4 KiB. */
    private static final DramModule LPDDR3 = DramModule.of(DramPresets.get("LPDDR3-1600_4Gb_x32"));
    /** N400's input weights as FP32: 784 x 400 x 4 bytes. */
    private static final long N400_FP32 = 784L * 400 * 4;

    private static WeakSubarrayModel model(String device, long seed) {
        Device d = DeviceSet.select(device).devices().get(0);
        return new WeakSubarrayModel(OperatingPointBer.of(LPDDR3, d, FloorPolicy.STOP), seed);
    }

    @Test
    void theUnsafeSetOnlyGrowsAsVddFallsOnEveryDeviceAndSeed() {
        int subs = LPDDR3.subarraysPerBank();
        int total = LPDDR3.totalBanks() * subs;
        int devicesWithGrowth = 0;
        for (Device d : DeviceSet.voltron().devices()) {
            for (long seed = 1; seed <= 6; seed++) {
                WeakSubarrayModel m = new WeakSubarrayModel(OperatingPointBer.of(LPDDR3, d, FloorPolicy.STOP), seed);
                boolean[] before = new boolean[total];
                int first = -1;
                int last = 0;
                for (double v = LPDDR3.nominalVolts(); v >= m.ber().lowestVolts() - 1e-9; v -= 0.0025) {
                    int unsafe = 0;
                    for (int b = 0; b < LPDDR3.totalBanks(); b++) {
                        for (int s = 0; s < subs; s++) {
                            boolean u = m.unsafe(b, s, v);
                            // a subarray unsafe at a higher voltage stays unsafe (its onset voltage is above)
                            assertThat(u || !before[b * subs + s]).as("%s seed %d subarray %d/%d at %.4f V", d.name(), seed,
                                    b, s, v).isTrue();
                            before[b * subs + s] = u;
                            unsafe += u ? 1 : 0;
                        }
                    }
                    assertThat(unsafe).isEqualTo(m.unsafeCount(LPDDR3, v)).isGreaterThanOrEqualTo(last);
                    first = first < 0 ? unsafe : first;
                    last = unsafe;
                }
                assertThat(first).as("no unsafe subarray at nominal voltage").isZero();
                devicesWithGrowth += last > 0 && seed == 1 ? 1 : 0;
            }
        }
        // every Voltron DIMM but A9 (no failing line measured) has some failing lines at its floor; with 256 subarrays
        // the ones with f >= 1 % show unsafe subarrays there for seed 1
        assertThat(devicesWithGrowth).isGreaterThanOrEqualTo(20);
    }

    @Test
    void theUnsafeShareFollowsTheDevicesFailingFraction() {
        WeakSubarrayModel m = model("voltron:A4", 3); // 81.9 % of lines fail at its floor
        double v = m.ber().lowestVolts();
        double f = m.unsafeFraction(v);
        assertThat(f).isCloseTo(0.81877836585, org.assertj.core.data.Offset.offset(1e-9));
        int n = 256;
        double sd = Math.sqrt(n * f * (1 - f));
        assertThat((double) m.unsafeCount(LPDDR3, v)).isBetween(n * f - 4 * sd, n * f + 4 * sd);
        // the module's mean BER is the device's: f x (BER / f)
        assertThat(f * m.inSubarrayBer(v)).isCloseTo(m.ber().ber(v, LPDDR3.nominalTrcd()),
                org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void aDeviceBerAxisPointReadsBackAsItsVoltage() {
        OperatingPointBer b = model("voltron:B8", 1).ber();
        double prev = LPDDR3.nominalVolts();
        for (double ber : new double[] {0, 1e-9, 1e-7, 1e-6, 1e-5, 3e-5}) {
            double v = b.voltsFor(ber);
            assertThat(v).isLessThanOrEqualTo(prev).isGreaterThanOrEqualTo(b.lowestVolts());
            assertThat(b.ber(v, LPDDR3.nominalTrcd())).isLessThanOrEqualTo(ber * (1 + 1e-9));
            prev = v;
        }
        // above the device's BER at its floor: the floor
        assertThat(b.voltsFor(1e-2)).isEqualTo(b.lowestVolts());
    }

    /** N400 FP32 weights at the module's address mapping (DRMap over every subarray). */
    private static DramImage n400Image(Placement p) {
        float[] w = new float[784 * 400];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextDouble();
        }
        return DramImage.builder(p).add("w", new int[] {784, 400}, w, Formats.byName("fp32")).build();
    }

    @Test
    void n400Fp32WeightsSpanEverySubarrayOfTheLpddr3Part() {
        RowList rows = WeakSubarrayModel.weightRows(LPDDR3, N400_FP32);
        assertThat(rows.rowCount()).isEqualTo(307); // 1,254,400 / 4,096 rounded up
        int[] us = model("voltron:B8", 1).unsafeOf(rows, LPDDR3, LPDDR3.nominalVolts());
        assertThat(us).containsExactly(0, 256); // every one of the 8 x 32 subarrays holds a row: not all-or-nothing
    }

    @Test
    void aboveEveryOnsetNoWeightBitFlips() {
        WeakSubarrayModel m = model("voltron:A4", 1);
        Placement p = WeakSubarrayModel.weightRows(LPDDR3, N400_FP32).placement(LPDDR3, "drmap");
        DramImage img = n400Image(p);
        byte[] clean = img.bytes().clone();
        // A4 fails first at 1.1 V of 1.35 V; 1.125 V of 1.35 V is error-free: 1.0 V on the 1.2 V part
        double v = 1.125 * LPDDR3.nominalVolts() / 1.35;
        assertThat(m.unsafeFraction(v)).isZero();
        for (int t = 0; t < 20; t++) {
            assertThat(Injector.inject(img, "w", m.errorModel(v), Seeds.stream(9, t))).isZero();
        }
        assertThat(img.bytes()).isEqualTo(clean);
        assertThat(m.unsafeCount(LPDDR3, v)).isZero();
    }

    @Test
    void flipsFallOnlyInUnsafeSubarraysAtTheInSubarrayRate() {
        WeakSubarrayModel m = model("voltron:B9", 4); // 20 % of lines fail at 1.025 V of 1.35 V
        Placement p = WeakSubarrayModel.weightRows(LPDDR3, N400_FP32).placement(LPDDR3, "drmap");
        DramImage img = n400Image(p);
        double v = m.ber().lowestVolts();
        double rate = m.inSubarrayBer(v);
        assertThat(rate).isCloseTo(1.0 / 512, org.assertj.core.data.Offset.offset(1e-12)); // Voltron's lower bound f/512
        // expected flips: sum over the weights' row spans in unsafe subarrays of bits x rate
        List<RowSpan> spans = Injector.spans(p, 0, img.size());
        double expected = 0;
        long unsafeBits = 0;
        for (RowSpan s : spans) {
            if (m.unsafe(s.bank(), s.subarray(), v)) {
                unsafeBits += 8L * s.length();
            }
        }
        expected = unsafeBits * rate;
        MemoryRegion region = Injector.region(img, 0, img.size());
        assertThat(m.errorModel(v).expectedFlips(region)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(unsafeBits).isPositive().isLessThan(8L * img.size());
        int trials = 30;
        long sum = 0;
        List<Long> where = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            DramImage copy = img.copy();
            sum += Injector.inject(copy, 0, copy.size(), m.errorModel(v), Seeds.stream(21, t), where::add);
        }
        // binomial: trials x unsafeBits draws at the rate, mean +- 5 standard deviations
        double mean = trials * expected;
        double sd = Math.sqrt(trials * unsafeBits * rate * (1 - rate));
        assertThat((double) sum).isBetween(mean - 5 * sd, mean + 5 * sd);
        for (long bit : where) {
            var loc = p.locate(bit / 8);
            assertThat(m.unsafe(loc.flatBank(LPDDR3.geometry()), loc.subarray(), v)).isTrue();
        }
    }

    @Test
    void theWeightsSubarraysUnsafeAtAVoltageGrowAsItFalls() {
        WeakSubarrayModel m = model("voltron:B8", 1);
        RowList rows = WeakSubarrayModel.weightRows(LPDDR3, N400_FP32);
        int last = 0;
        for (double v = LPDDR3.nominalVolts(); v >= m.ber().lowestVolts() - 1e-9; v -= 0.005) {
            int[] us = m.unsafeOf(rows, LPDDR3, v);
            assertThat(us[1]).isEqualTo(256);
            assertThat(us[0]).isGreaterThanOrEqualTo(last).isEqualTo(m.unsafeCount(LPDDR3, v));
            last = us[0];
        }
    }
}
