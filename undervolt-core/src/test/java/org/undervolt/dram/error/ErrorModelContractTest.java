package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.undervolt.InvalidInputException;
import org.undervolt.random.Seeds;

/**
 * The contract every registered error model keeps, run over {@link ErrorModelRegistry#entries()} (the
 * providers' too, e.g. {@code weak-subarray}) so that a new entry is tested as soon as it is registered,
 * each through its example spec: BER 0 flips nothing; at a BER the expected flips are the BER times the
 * bits (over devices, data with as many 0s as 1s), and the flips drawn stay within binomial bounds of
 * the expectation; a BER above the family's reach stands for its reach; flips stay inside the region;
 * one seed gives one set of flips; the family's name is a spec for the same model; a bad spec is one
 * line naming the spec and the form; every parameter has a meaning and a valid default. The BER is
 * 1e-2, or half the family's reach where that is lower (a measured device's highest BER). Layout:
 * 2 banks x 16 subarrays x 8 rows of 64 bytes (16 KiB), inside a larger array so that a flip outside
 * the region would show.
 */
class ErrorModelContractTest {
    private static final int PAD = 100;
    private static final int ROW_BYTES = 64;
    private static final int SUBARRAYS = 16;
    private static final int ROWS = 8;
    private static final int BYTES = 2 * SUBARRAYS * ROWS * ROW_BYTES;
    private static final long BITS = 8L * BYTES;
    private static final double BER = 1e-2;

    static Stream<ErrorModelEntry> entries() {
        return ErrorModelRegistry.entries().stream();
    }

    /** Full rows in order, bank by bank, subarray by subarray, starting at byte PAD. */
    private static List<RowSpan> spans() {
        List<RowSpan> spans = new ArrayList<>();
        int at = PAD;
        for (int b = 0; b < 2; b++) {
            for (int s = 0; s < SUBARRAYS; s++) {
                for (int r = 0; r < ROWS; r++) {
                    spans.add(new RowSpan(at, at + ROW_BYTES, b, s, r, 0));
                    at += ROW_BYTES;
                }
            }
        }
        return spans;
    }

    private static final List<RowSpan> SPANS = spans();

    /** Data with as many 0s as 1s in every byte, PAD bytes of 0x55 either side. */
    private static byte[] data() {
        byte[] data = new byte[PAD + BYTES + PAD];
        Arrays.fill(data, (byte) 0x55);
        for (int i = PAD; i < PAD + BYTES; i++) {
            data[i] = (byte) (i % 3 == 0 ? 0x0F : i % 3 == 1 ? 0x3C : 0xA5);
        }
        return data;
    }

    private static MemoryRegion region(byte[] data) {
        return new MemoryRegion(data, PAD, PAD + BYTES, () -> SPANS);
    }

    private static ErrorModelFamily family(ErrorModelEntry e, WeakCells weak) {
        return ErrorModelRegistry.family(e.example(), weak);
    }

    private static ErrorModel model(ErrorModelEntry e, double ber, WeakCells weak) {
        return family(e, weak).atBer(ber);
    }

    /** The contract's BER for {@code e}: {@link #BER}, or half the family's reach where that is lower. */
    private static double ber(ErrorModelEntry e) {
        return Math.min(BER, family(e, WeakCells.perTrial()).maxBer() / 2);
    }

    private static List<Long> flips(ErrorModel model, long seed) {
        List<Long> out = new ArrayList<>();
        model.inject(region(data()), Seeds.stream(seed), out::add);
        return out;
    }

    @ParameterizedTest
    @MethodSource("entries")
    void berZeroFlipsNothing(ErrorModelEntry e) {
        for (WeakCells weak : List.of(WeakCells.perTrial(), WeakCells.fixed(3))) {
            ErrorModel m = model(e, 0, weak);
            for (long seed = 0; seed < 20; seed++) {
                byte[] data = data();
                assertThat(m.inject(region(data), Seeds.stream(seed))).as(m.name()).isZero();
                assertThat(data).isEqualTo(data());
            }
            assertThat(m.expectedFlips(region(data()))).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("entries")
    void theBerIsTheMeanRateOverDevices(ErrorModelEntry e) {
        ErrorModel m = model(e, ber(e), WeakCells.perTrial());
        double expected = BITS * ber(e);
        assertThat(m.expectedFlips(region(data()))).as(m.name()).isCloseTo(expected, within(1e-9 * expected));
        // Over 300 devices (weak cells redrawn every trial) the mean count is the expectation, within
        // 5 standard errors of the sample.
        int trials = 300;
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < trials; t++) {
            long n = m.inject(region(data()), Seeds.stream(11, t));
            sum += n;
            sumSq += (double) n * n;
        }
        double mean = sum / trials;
        double sd = Math.sqrt((sumSq - sum * mean) / (trials - 1));
        assertThat(mean).as(m.name()).isCloseTo(expected, within(5 * sd / Math.sqrt(trials) + 1));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void onOneDeviceTheFlipsAreWithinBinomialBoundsOfTheExpectation(ErrorModelEntry e) {
        // Given the device, every bit flips independently, so the count has at most the variance of
        // its mean (a Poisson-binomial law): 5 sigma is 5 sqrt(mean).
        ErrorModel m = model(e, ber(e), WeakCells.fixed(7));
        double perTrial = m.expectedFlips(region(data()));
        assertThat(perTrial).as(m.name()).isPositive();
        int trials = 50;
        long total = 0;
        for (int t = 0; t < trials; t++) {
            total += m.inject(region(data()), Seeds.stream(5, t));
        }
        double mean = trials * perTrial;
        assertThat((double) total).as(m.name()).isCloseTo(mean, within(5 * Math.sqrt(mean) + 1));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void aBerAboveTheReachStandsForTheReach(ErrorModelEntry e) {
        ErrorModelFamily f = family(e, WeakCells.perTrial());
        assertThat(f.maxBer()).isPositive().isLessThanOrEqualTo(1);
        double reach = f.maxBer();
        if (reach < 1) { // a measured device's highest BER: every BER above it is the device at its lowest voltage
            double atReach = f.atBer(reach).expectedFlips(region(data()));
            assertThat(atReach).as(e.name()).isCloseTo(BITS * reach, within(1e-9 * BITS * reach));
            assertThat(f.atBer(Math.min(1, 10 * reach)).expectedFlips(region(data()))).isEqualTo(atReach);
            assertThat(flips(family(e, WeakCells.fixed(2)).atBer(1), 9))
                    .isEqualTo(flips(family(e, WeakCells.fixed(2)).atBer(reach), 9)).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("entries")
    void flipsStayInsideTheRegionAndAreCountedOnce(ErrorModelEntry e) {
        for (long seed = 0; seed < 5; seed++) {
            byte[] data = data();
            List<Long> told = new ArrayList<>();
            long n = model(e, 0.05, WeakCells.perTrial()).inject(region(data), Seeds.stream(seed), told::add);
            byte[] clean = data();
            long changed = 0;
            for (int i = 0; i < data.length; i++) {
                if (i < PAD || i >= PAD + BYTES) {
                    assertThat(data[i]).as("byte %d outside the region", i).isEqualTo(clean[i]);
                }
                changed += Integer.bitCount((data[i] ^ clean[i]) & 0xFF);
            }
            assertThat(n).isPositive().isEqualTo(changed).isEqualTo(told.size());
            assertThat(told).allSatisfy(b -> assertThat(b).isBetween(8L * PAD, 8L * (PAD + BYTES) - 1))
                    .doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest
    @MethodSource("entries")
    void oneSeedGivesOneSetOfFlips(ErrorModelEntry e) {
        for (WeakCells weak : List.of(WeakCells.perTrial(), WeakCells.fixed(3))) {
            assertThat(flips(model(e, ber(e), weak), 42)).isNotEmpty().isEqualTo(flips(model(e, ber(e), weak), 42))
                    .isNotEqualTo(flips(model(e, ber(e), weak), 43));
        }
    }

    @ParameterizedTest
    @MethodSource("entries")
    void theFamilysNameIsASpecOfTheSameModel(ErrorModelEntry e) {
        ErrorModelFamily family = family(e, WeakCells.fixed(1));
        assertThat(family.name()).startsWith(e.name());
        ErrorModelFamily again = ErrorModelRegistry.family(family.name(), WeakCells.fixed(1));
        assertThat(again.name()).isEqualTo(family.name());
        assertThat(again.maxBer()).isEqualTo(family.maxBer());
        assertThat(flips(again.atBer(ber(e)), 8)).isNotEmpty().isEqualTo(flips(family.atBer(ber(e)), 8));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void aBadSpecIsOneLineNamingTheSpecAndTheForm(ErrorModelEntry e) {
        List<String> bad = new ArrayList<>(List.of(e.name() + ":nonsense=1", e.name() + ":", e.name() + ":,",
                e.name() + ":a,b,c,d,e"));
        for (ErrorModelParameter p : e.parameters()) {
            bad.add(e.name() + ":" + p.name() + "=?");
            bad.add(e.name() + ":" + p.name() + "=");
        }
        for (String spec : bad) {
            assertThatThrownBy(() -> ErrorModelRegistry.family(spec, WeakCells.perTrial())).as(spec)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("error model '" + spec + "': ")
                    .hasMessageEndingWith("; expected " + e.form())
                    .satisfies(x -> assertThat(x.getMessage()).doesNotContain("\n"));
        }
    }

    @ParameterizedTest
    @MethodSource("entries")
    void everyParameterHasAMeaningAndAValidDefaultOrNone(ErrorModelEntry e) {
        assertThat(e.description()).contains(List.of("location", "weak-subarray").contains(e.name()) ? "SparkXD"
                : "EDEN error model");
        assertThat(family(e, WeakCells.perTrial()).name()).as("the example names the model").startsWith(e.name());
        for (ErrorModelParameter p : e.parameters()) {
            assertThat(p.meaning()).as(p.name()).hasSizeGreaterThan(30);
            assertThat(p.name()).matches("[a-z][a-z-]*");
            if (p.defaultValue() != null) {
                String spec = e.name() + ":" + p.name() + "=" + p.defaultValue();
                assertThat(ErrorModelRegistry.family(spec, WeakCells.perTrial()).name()).as(spec)
                        .isEqualTo(ErrorModelRegistry.family(e.name(), WeakCells.perTrial()).name());
            }
        }
    }
}
