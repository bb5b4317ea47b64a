package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.random.Seeds;

/**
 * What each parameter of the registry means, the grammar of a spec, and that every spec the
 * tolerance, retraining and sweep runs took before the registry builds the same models as then (so
 * their results stay bit-identical). Layout: 2 banks x 4 subarrays x 64 rows of 32 bytes.
 */
class ErrorModelRegistryTest {
    private static final int BANKS = 2;
    private static final int SUBARRAYS = 4;
    private static final int ROWS = 64;
    private static final int ROW_BYTES = 32;
    private static final List<RowSpan> SPANS = Layouts.grid(BANKS, SUBARRAYS, ROWS, ROW_BYTES);
    private static final int BYTES = BANKS * SUBARRAYS * ROWS * ROW_BYTES;
    private static final int SUBARRAY_BYTES = ROWS * ROW_BYTES;

    private static MemoryRegion region(byte[] data) {
        return Layouts.region(data, SPANS);
    }

    private static List<Long> flips(ErrorModel m, long seed, byte[] data) {
        List<Long> out = new ArrayList<>();
        m.inject(region(data), Seeds.stream(seed), out::add);
        return out;
    }

    private static List<Long> flips(ErrorModel m, long seed) {
        return flips(m, seed, new byte[BYTES]);
    }

    private static ErrorModel at(String spec, double ber) {
        return ErrorModelRegistry.family(spec, 0).atBer(ber);
    }

    /** The specs of the tolerance, retraining and sweep runs, as resilience.ErrorModels built them. */
    @Test
    void everySpecTheRunsTookBuildsTheModelItBuiltThen() {
        WeakCells device = WeakCells.fixed(0);
        for (double ber : new double[] {0, 1e-4, 3e-2, 0.6}) {
            List<ErrorModel[]> pairs = List.of(
                    new ErrorModel[] {at("uniform", ber), new UniformErrorModel(ber)},
                    new ErrorModel[] {at("uniform:blocked", ber), new UniformErrorModel(ber, UniformErrorModel.Sampler.BLOCKED)},
                    new ErrorModel[] {at("UNIFORM:Sequential", ber), new UniformErrorModel(ber, UniformErrorModel.Sampler.SEQUENTIAL)},
                    new ErrorModel[] {at("bitline", ber), ber > 0.5 ? new BitlineErrorModel(1, ber, device)
                            : new BitlineErrorModel(ber / 0.5, 0.5, device)},
                    new ErrorModel[] {at("bitline:0.1", ber), ber > 0.1 ? new BitlineErrorModel(1, ber, device)
                            : new BitlineErrorModel(ber / 0.1, 0.1, device)},
                    new ErrorModel[] {at("wordline:0.5", ber), ber > 0.5 ? new WordlineErrorModel(1, ber, device)
                            : new WordlineErrorModel(ber / 0.5, 0.5, device)},
                    new ErrorModel[] {at("data-dependent", ber), new DataDependentErrorModel(Math.min(1, 2 * ber / 5),
                            Math.min(1, 2 * ber * 4 / 5))},
                    new ErrorModel[] {at("data-dependent:9", ber), new DataDependentErrorModel(Math.min(1, 2 * ber / 10),
                            Math.min(1, 2 * ber * 9 / 10))},
                    new ErrorModel[] {at("location", ber), LocationAwareErrorModel.random(0.25, Math.min(1, ber / 0.25),
                            LocationAwareErrorModel.Granularity.SUBARRAY, device)},
                    new ErrorModel[] {at("location:0.5", ber), LocationAwareErrorModel.random(0.5, Math.min(1, ber / 0.5),
                            LocationAwareErrorModel.Granularity.SUBARRAY, device)});
            for (ErrorModel[] p : pairs) {
                assertThat(p[0].name()).isEqualTo(p[1].name());
                byte[] data = new byte[BYTES];
                java.util.Arrays.fill(data, (byte) 0x5A);
                assertThat(flips(p[0], 3, data.clone())).as(p[1].name()).isEqualTo(flips(p[1], 3, data.clone()));
            }
        }
    }

    /** The spellings {@code errors inject|bench|bitmap} took as options before the registry, as specs. */
    @Test
    void theErrorsCommandsOldOptionsAreTheseSpecs() {
        WeakCells weak = WeakCells.perTrial();
        // --model bitline --weak-fraction 0.05 (default 0.01): pb fixed, fb = BER / pb.
        assertThat(ErrorModelRegistry.family("bitline:weak-fraction=0.05", weak).atBer(1e-3).name())
                .isEqualTo(new BitlineErrorModel(0.05, 1e-3 / 0.05, weak).name());
        assertThat(ErrorModelRegistry.family("wordline:weak-fraction=0.01", weak).atBer(1e-3).name())
                .isEqualTo(new WordlineErrorModel(0.01, 1e-3 / 0.01, weak).name());
        // --model data --ratio 4 meant p01/p10 = 4, which is ratio = p10/p01 = 0.25.
        DataDependentErrorModel d = (DataDependentErrorModel) ErrorModelRegistry.family("data-dependent:ratio=0.25", weak)
                .atBer(1e-3);
        assertThat(d.p01() / d.p10()).isCloseTo(4, org.assertj.core.api.Assertions.within(1e-12));
        // --model location at --ber B meant B inside weak regions; the mean is B x weak-fraction.
        assertThat(ErrorModelRegistry.family("location:granularity=bank", weak).atBer(0.25 * 1e-3).name())
                .isEqualTo(LocationAwareErrorModel.random(0.25, 1e-3, LocationAwareErrorModel.Granularity.BANK, weak).name());
    }

    @Test
    void theWeakFractionOfBitlinesAndRowsIsTheFractionOfLinesThatFail() {
        // 2 x 4 subarrays x 256 bit columns = 2048 bitlines; 512 rows. One device, many trials, so every
        // weak line shows: the lines that ever fail are the weak ones.
        for (String[] m : new String[][] {{"bitline", "2048"}, {"wordline", "512"}}) {
            int lines = Integer.parseInt(m[1]);
            for (double fraction : new double[] {0.02, 0.2}) {
                ErrorModel model = at(m[0] + ":weak-fraction=" + fraction, 1e-3);
                Set<Integer> failing = new HashSet<>();
                for (int t = 0; t < 40; t++) {
                    for (long bit : flips(model, t)) {
                        failing.add(m[0].equals("bitline") ? line(bit) : (int) (bit / 8 / ROW_BYTES));
                    }
                }
                // Binomial(lines, fraction): within 5 sd.
                double mean = lines * fraction;
                double sd = Math.sqrt(lines * fraction * (1 - fraction));
                assertThat((double) failing.size()).as(m[0] + " " + fraction).isBetween(mean - 5 * sd, mean + 5 * sd);
            }
            // cell-rate fixes the rate of a weak line's cells instead: 0.5 at BER 1e-2 makes 2% of lines weak.
            ErrorModel byRate = at(m[0] + ":cell-rate=0.5", 1e-2);
            Set<Integer> failing = new HashSet<>();
            for (int t = 0; t < 20; t++) {
                for (long bit : flips(byRate, t)) {
                    failing.add(m[0].equals("bitline") ? line(bit) : (int) (bit / 8 / ROW_BYTES));
                }
            }
            double mean = lines * 0.02;
            assertThat((double) failing.size()).as(m[0] + " cell-rate").isBetween(mean - 5 * Math.sqrt(mean),
                    mean + 5 * Math.sqrt(mean));
        }
    }

    /** (subarray, bit column) of a bit: its bitline. */
    private static int line(long bit) {
        int subarray = (int) (bit / 8 / SUBARRAY_BYTES);
        return subarray * ROW_BYTES * 8 + (int) (bit / 8 % ROW_BYTES) * 8 + (int) (bit & 7);
    }

    @Test
    void aBerAboveTheWeakFractionIsAnInputErrorNamingTheSpec() {
        ErrorModelFamily f = ErrorModelRegistry.family("bitline:weak-fraction=0.01", 0);
        assertThatThrownBy(() -> f.atBer(0.02)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("error model 'bitline:weak-fraction=0.01': BER 0.02 is above weak-fraction 0.01");
        assertThatThrownBy(() -> ErrorModelRegistry.family("wordline:cell-rate=0.5,weak-fraction=0.1", 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("give cell-rate or weak-fraction, not both");
    }

    @Test
    void theRatioIsOneToZeroOverZeroToOne() {
        // Half the bits 1, half 0: the 1->0 flips over the 0->1 flips estimate the ratio.
        for (double ratio : new double[] {4, 0.25}) {
            ErrorModel m = at("data-dependent:ratio=" + ratio, 1e-2);
            long oneToZero = 0;
            long zeroToOne = 0;
            for (int t = 0; t < 20; t++) {
                byte[] data = new byte[BYTES];
                java.util.Arrays.fill(data, (byte) 0xF0);
                for (long bit : flips(m, t, data)) {
                    if ((bit & 7) >= 4) {
                        oneToZero++;
                    } else {
                        zeroToOne++;
                    }
                }
            }
            // Each count is Binomial(20 x 65536, p): p10 = 2 x 1e-2 x r / (1 + r), p01 = 2 x 1e-2 / (1 + r).
            double n = 20.0 * BYTES * 4;
            double p10 = 2e-2 * ratio / (1 + ratio);
            double p01 = 2e-2 / (1 + ratio);
            assertThat((double) oneToZero).isBetween(n * p10 - 5 * Math.sqrt(n * p10), n * p10 + 5 * Math.sqrt(n * p10));
            assertThat((double) zeroToOne).isBetween(n * p01 - 5 * Math.sqrt(n * p01), n * p01 + 5 * Math.sqrt(n * p01));
        }
    }

    @Test
    void locationErrsInAWeakFractionOfSubarraysOrWholeBanksAtTheMeanBer() {
        // Over 200 devices, the fraction of subarrays that err is the weak fraction.
        for (double w : new double[] {0.1, 0.5}) {
            int weak = 0;
            for (long device = 0; device < 200; device++) {
                Set<Integer> erring = new HashSet<>();
                for (long bit : flips(ErrorModelRegistry.family("location:weak-fraction=" + w, device).atBer(0.01), 1)) {
                    erring.add((int) (bit / 8 / SUBARRAY_BYTES));
                }
                weak += erring.size();
            }
            double mean = 200 * 8 * w;
            double sd = Math.sqrt(200 * 8 * w * (1 - w));
            assertThat((double) weak).as("weak-fraction " + w).isBetween(mean - 5 * sd, mean + 5 * sd);
        }
        // Banks: a bank errs in all its subarrays or in none.
        for (long device = 0; device < 20; device++) {
            Set<Integer> erring = new HashSet<>();
            for (long bit : flips(ErrorModelRegistry.family("location:0.5,bank", device).atBer(0.05), 1)) {
                erring.add((int) (bit / 8 / SUBARRAY_BYTES));
            }
            for (int bank = 0; bank < BANKS; bank++) {
                int b = bank;
                long inBank = erring.stream().filter(s -> s / SUBARRAYS == b).count();
                assertThat(inBank).isIn(0L, (long) SUBARRAYS);
            }
        }
    }

    @Test
    void theSamplerNamesTheStream() {
        assertThat(flips(at("uniform", 1e-3), 9)).isNotEmpty()
                .isEqualTo(flips(new UniformErrorModel(1e-3, UniformErrorModel.Sampler.BLOCKED), 9))
                .isEqualTo(flips(at("uniform:sampler=blocked", 1e-3), 9));
        assertThat(flips(at("uniform:sequential", 1e-3), 9))
                .isEqualTo(flips(new UniformErrorModel(1e-3, UniformErrorModel.Sampler.SEQUENTIAL), 9))
                .isNotEqualTo(flips(at("uniform", 1e-3), 9));
    }

    @Test
    void valuesGoByPositionThenByName() {
        assertThat(ErrorModelRegistry.family("location:0.1,granularity=bank", 0).name())
                .isEqualTo(ErrorModelRegistry.family(" Location : weak-fraction=0.1 , granularity=BANK ", 0).name())
                .isEqualTo("location:weak-fraction=0.1,granularity=bank");
        assertThat(ErrorModelRegistry.family("bitline:0.25", 0).name()).isEqualTo("bitline:cell-rate=0.25");
        assertThat(ErrorModelRegistry.family("bitline:weak-fraction=0.01", 0).name()).isEqualTo("bitline:weak-fraction=0.01");
        assertThatThrownBy(() -> ErrorModelRegistry.parse("location:granularity=bank,0.1"))
                .hasMessageContaining("value '0.1' without a name after a named parameter");
        assertThatThrownBy(() -> ErrorModelRegistry.parse("location:0.1,weak-fraction=0.2"))
                .hasMessageContaining("weak-fraction given twice");
    }

    @Test
    void anUnknownModelIsOneLineNamingEveryModel() {
        assertThatThrownBy(() -> ErrorModelRegistry.parse("gaussian:3")).isInstanceOf(InvalidInputException.class)
                .hasMessage("error model 'gaussian:3': unknown model; expected NAME[:PARAM=VALUE,...] with NAME one of "
                        + "uniform, bitline, wordline, data-dependent, location, weak-subarray ('undervolt errors models' lists the parameters)");
        assertThatThrownBy(() -> ErrorModelRegistry.parse("uniform:fast")).isInstanceOf(InvalidInputException.class)
                .hasMessage("error model 'uniform:fast': sampler: 'fast' is not one of blocked|sequential; "
                        + "expected uniform[:sampler=blocked|sequential]");
        assertThatThrownBy(() -> ErrorModelRegistry.parse("bitline:2")).isInstanceOf(InvalidInputException.class)
                .hasMessage("error model 'bitline:2': cell-rate: 2 is not a number in (0, 1]; "
                        + "expected bitline[:cell-rate=F,weak-fraction=F]");
    }
}
