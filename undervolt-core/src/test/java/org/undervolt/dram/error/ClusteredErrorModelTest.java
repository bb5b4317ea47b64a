package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongToIntFunction;

import org.junit.jupiter.api.Test;
import org.undervolt.random.Seeds;

/**
 * Models 1 (bitlines) and 2 (wordlines): flips only where the weak lines are, flip counts within
 * binomial bounds, and the clustering detected by chi-square tests that model 0 at the same BER
 * passes. Layout: 2 banks x 2 subarrays x 32 rows of 16 bytes (16 KiB), full rows in order.
 */
class ClusteredErrorModelTest {
    private static final int BANKS = 2;
    private static final int SUBARRAYS = 2;
    private static final int ROWS = 32;
    private static final int ROW_BYTES = 16;
    private static final int BYTES = BANKS * SUBARRAYS * ROWS * ROW_BYTES;
    private static final List<RowSpan> SPANS = Layouts.grid(BANKS, SUBARRAYS, ROWS, ROW_BYTES);

    /** (bank, subarray, bit column) of a bit: a bitline. */
    private static final LongToIntFunction BITLINE = bit -> (int) ((bit >>> 3) / (ROWS * ROW_BYTES)) * ROW_BYTES * 8
            + (int) ((bit >>> 3) % ROW_BYTES) * 8 + (int) (bit & 7);
    private static final int BITLINES = BANKS * SUBARRAYS * ROW_BYTES * 8;
    /** The global row of a bit: a wordline. */
    private static final LongToIntFunction WORDLINE = bit -> (int) ((bit >>> 3) / ROW_BYTES);
    private static final int WORDLINES = BANKS * SUBARRAYS * ROWS;

    private static List<Long> flips(ErrorModel model, int trials, long seed, long[] counts) {
        List<Long> all = new ArrayList<>();
        byte[] data = new byte[BYTES];
        MemoryRegion region = Layouts.region(data, SPANS);
        for (int t = 0; t < trials; t++) {
            long n = model.inject(region, Seeds.stream(seed, t), all::add);
            if (counts != null) {
                counts[t] = n;
            }
        }
        return all;
    }

    private static void assertBinomialCounts(long[] counts, long cells, double p) {
        double mean = cells * p;
        double var = cells * p * (1 - p);
        double sum = 0;
        for (long c : counts) {
            sum += c;
        }
        assertThat(Math.abs(sum / counts.length - mean)).isLessThan(5 * Math.sqrt(var / counts.length));
        int kMax = (int) (mean + 10 * Math.sqrt(var) + 10);
        long[] h = new long[kMax + 1];
        for (long c : counts) {
            h[(int) Math.min(kMax, c)]++;
        }
        double[] expected = ChiSquare.binomialPmf(cells, p, kMax);
        for (int k = 0; k <= kMax; k++) {
            expected[k] *= counts.length;
        }
        assertThat(ChiSquare.pValue(h, expected, 0)).isGreaterThan(1e-4);
    }

    @Test
    void bitlineModelFlipsOnlyWeakBitlinesWithBinomialCounts() {
        BitlineErrorModel model = new BitlineErrorModel(0.05, 0.2, WeakCells.fixed(17));
        Set<Integer> weak = new HashSet<>();
        for (int b = 0; b < BANKS; b++) {
            for (int s = 0; s < SUBARRAYS; s++) {
                for (long line : model.weakBitlines(17, b, s, ROW_BYTES * 8)) {
                    weak.add((b * SUBARRAYS + s) * ROW_BYTES * 8 + (int) line);
                }
            }
        }
        assertThat(weak).hasSizeBetween(10, 50); // 512 bitlines x 0.05 = 25.6 expected
        long[] counts = new long[3000];
        List<Long> all = flips(model, counts.length, 1, counts);
        assertThat(all.stream().mapToInt(f -> BITLINE.applyAsInt(f)).filter(b -> !weak.contains(b)).count()).isZero();
        long cells = (long) weak.size() * ROWS;
        assertThat(model.expectedFlips(Layouts.region(new byte[BYTES], SPANS))).isEqualTo(cells * 0.2);
        assertBinomialCounts(counts, cells, 0.2);
        // Along a weak bitline every row is equally likely.
        assertThat(Layouts.uniformity(all, ROWS, bit -> (int) ((bit >>> 3) / ROW_BYTES % ROWS))).isGreaterThan(1e-4);
    }

    @Test
    void chiSquareDetectsBitlineAndWordlineClusteringButNotUniformErrors() {
        double ber = 0.01;
        List<Long> uniform = flips(new UniformErrorModel(ber), 400, 2, null);
        List<Long> bitline = flips(new BitlineErrorModel(0.05, ber / 0.05, WeakCells.fixed(3)), 400, 2, null);
        List<Long> wordline = flips(new WordlineErrorModel(0.05, ber / 0.05, WeakCells.fixed(3)), 400, 2, null);
        assertThat(Layouts.uniformity(uniform, BITLINES, BITLINE)).isGreaterThan(1e-4);
        assertThat(Layouts.uniformity(uniform, WORDLINES, WORDLINE)).isGreaterThan(1e-4);
        assertThat(Layouts.uniformity(bitline, BITLINES, BITLINE)).isLessThan(1e-12);
        assertThat(Layouts.uniformity(wordline, WORDLINES, WORDLINE)).isLessThan(1e-12);
        // Each model clusters along its own lines only: within rows, wordline errors hit all bit columns alike.
        assertThat(Layouts.uniformity(wordline, ROW_BYTES * 8, bit -> (int) (bit % (ROW_BYTES * 8)))).isGreaterThan(1e-4);
    }

    @Test
    void clusteringShowsWithinOneTrialWhenWeakLinesAreRedrawn() {
        BitlineErrorModel bitline = new BitlineErrorModel(0.02, 0.5, WeakCells.perTrial());
        WordlineErrorModel wordline = new WordlineErrorModel(0.05, 0.2, WeakCells.perTrial());
        assertThat(Layouts.uniformity(flips(bitline, 1, 4, null), BITLINES, BITLINE)).isLessThan(1e-12);
        assertThat(Layouts.uniformity(flips(wordline, 1, 4, null), WORDLINES, WORDLINE)).isLessThan(1e-12);
        // Different trials, different weak lines.
        Set<Integer> first = new HashSet<>();
        flips(bitline, 1, 5, null).forEach(f -> first.add(BITLINE.applyAsInt(f)));
        Set<Integer> second = new HashSet<>();
        flips(bitline, 1, 6, null).forEach(f -> second.add(BITLINE.applyAsInt(f)));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void redrawnWeakLinesAverageToTheProductOfTheirRates() {
        for (ErrorModel model : List.of(new BitlineErrorModel(0.1, 0.05, WeakCells.perTrial()),
                new WordlineErrorModel(0.1, 0.05, WeakCells.perTrial()))) {
            long[] counts = new long[2000];
            flips(model, counts.length, 8, counts);
            double sum = 0;
            double sumSq = 0;
            for (long c : counts) {
                sum += c;
                sumSq += (double) c * c;
            }
            double mean = sum / counts.length;
            double sd = Math.sqrt((sumSq - sum * sum / counts.length) / (counts.length - 1));
            double expected = model.expectedFlips(Layouts.region(new byte[BYTES], SPANS));
            assertThat(expected).isEqualTo(8.0 * BYTES * 0.1 * 0.05);
            assertThat(Math.abs(mean - expected)).as(model.name()).isLessThan(5 * sd / Math.sqrt(counts.length));
            // Clustered errors are over-dispersed: the variance exceeds the binomial n p (1 - p) by 2.5x
            // (bitlines) and 7x (wordlines) in theory; the sample variance is within ~5% of it here.
            assertThat(sd * sd).isGreaterThan(1.5 * expected * (1 - 0.005));
        }
    }

    @Test
    void wordlineModelFlipsOnlyWeakRowsWithBinomialCounts() {
        WordlineErrorModel model = new WordlineErrorModel(0.1, 0.05, WeakCells.fixed(23));
        Set<Integer> weak = new HashSet<>();
        for (RowSpan s : SPANS) {
            if (model.weakRow(23, s.bank(), s.subarray(), s.row())) {
                weak.add(s.from() / ROW_BYTES);
            }
        }
        assertThat(weak).hasSizeBetween(3, 30); // 128 rows x 0.1 = 12.8 expected
        long[] counts = new long[3000];
        List<Long> all = flips(model, counts.length, 9, counts);
        assertThat(all.stream().mapToInt(f -> WORDLINE.applyAsInt(f)).filter(r -> !weak.contains(r)).count()).isZero();
        assertBinomialCounts(counts, weak.size() * ROW_BYTES * 8L, 0.05);
        // Inside a weak row every bit column is equally likely.
        assertThat(Layouts.uniformity(all, ROW_BYTES * 8, bit -> (int) (bit % (ROW_BYTES * 8)))).isGreaterThan(1e-4);
    }

    @Test
    void fixedWeakCellsDoNotDependOnWhichPartOfMemoryIsInjected() {
        BitlineErrorModel model = new BitlineErrorModel(0.5, 1.0, WeakCells.fixed(99));
        byte[] whole = new byte[BYTES];
        model.inject(Layouts.region(whole, SPANS), new SplittableRandom(1));
        // Inject into the second half only, with spans from the same layout.
        byte[] half = new byte[BYTES];
        List<RowSpan> tail = SPANS.subList(SPANS.size() / 2, SPANS.size());
        model.inject(new MemoryRegion(half, BYTES / 2, BYTES, () -> tail), new SplittableRandom(2));
        for (int i = BYTES / 2; i < BYTES; i++) {
            assertThat(half[i]).isEqualTo(whole[i]);
        }
    }

    @Test
    void extremeRates() {
        byte[] data = new byte[BYTES];
        MemoryRegion region = Layouts.region(data, SPANS);
        SplittableRandom r = new SplittableRandom(1);
        assertThat(new BitlineErrorModel(0, 1, WeakCells.perTrial()).inject(region, r)).isZero();
        assertThat(new WordlineErrorModel(1, 0, WeakCells.perTrial()).inject(region, r)).isZero();
        assertThat(new BitlineErrorModel(1, 1, WeakCells.perTrial()).inject(region, r)).isEqualTo(8L * BYTES);
        assertThat(data).containsOnly((byte) -1);
        assertThat(new WordlineErrorModel(1, 1, WeakCells.fixed(1)).inject(region, r)).isEqualTo(8L * BYTES);
        assertThat(data).containsOnly((byte) 0);
    }
}
