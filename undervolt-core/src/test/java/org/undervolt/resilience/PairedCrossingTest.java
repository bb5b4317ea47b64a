package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedCrossingTest {
    /** Baseline 1, delta 1/4: a point passes at a mean accuracy of 3/4 or more (exactly representable). */
    private static final Acceptance RULE = new Acceptance(1.0, 0.25, Acceptance.Rule.MEAN);

    /** Grid 1e-3 .. 2e-3 in 4 steps, points allowed from 1e-4 to 1e-1, 3 draws. */
    private static PairedCrossing.Settings settings(int draws) {
        return new PairedCrossing.Settings(1e-3, 2e-3, 2, 1e-4, 1e-1, draws, 7);
    }

    private static PairedCrossing.Result run(PairedTrials a, PairedTrials b, PairedCrossing.Settings s) {
        return new PairedCrossing(s, a, b, RULE, PointStore.inMemory(), m -> { }).run();
    }

    private static List<Integer> indices(PairedCrossing.Result r) {
        List<Integer> out = new ArrayList<>();
        r.points().forEach(p -> out.add(p.index()));
        return out;
    }

    /**
     * Exact boundaries: A right on 3 of 4 images (exactly the criterion) up to grid point 3 and on 2 above it, B up to
     * grid point 1. Both are located one step apart, by the points a bisection visits, and with no draw noise every
     * replicate puts A two steps above B.
     */
    @Test
    void crossingsAtGridPointsAreFoundExactly() {
        PairedCrossing.Settings s = settings(3);
        PairedCrossing.Result r = run(Step.at(s.ber(3), 4), Step.at(s.ber(1), 4), s);
        assertThat(r.a()).isEqualTo(new PairedCrossing.Crossing(3, 4, "located"));
        assertThat(r.b()).isEqualTo(new PairedCrossing.Crossing(1, 2, "located"));
        assertThat(indices(r)).containsExactly(0, 1, 2, 3, 4);
        assertThat(r.aAbove()).isEqualTo(1.0);
        assertThat(r.tie()).isZero();
        assertThat(r.stepsQuantiles()).containsExactly(2, 2, 2);
        assertThat(r.ber(4)).isEqualTo(2e-3);
        assertThat(r.ber(2)).isCloseTo(Math.sqrt(2) * 1e-3, org.assertj.core.api.Assertions.within(1e-18));
    }

    /** A passes above the span: one span up, then bisection; B fails at the lower end: one span down. */
    @Test
    void crossingsOutsideTheSpanAreReachedByWholeSpans() {
        PairedCrossing.Settings s = settings(2);
        PairedCrossing.Result r = run(Step.at(s.ber(6), 4), Step.at(s.ber(-3), 4), s);
        assertThat(r.a()).isEqualTo(new PairedCrossing.Crossing(6, 7, "located"));
        assertThat(r.b()).isEqualTo(new PairedCrossing.Crossing(-3, -2, "located"));
        // ends (0, 4), A's extension (8), B's (-4), then A's midpoints (6, 7), then B's (-2, -3)
        assertThat(indices(r)).containsExactly(-4, -3, -2, 0, 4, 6, 7, 8);
    }

    /** Past the allowed range a crossing is reported as above (or below) it, with no point outside. */
    @Test
    void theRangeEndsTheSearch() {
        PairedCrossing.Settings s = new PairedCrossing.Settings(1e-3, 2e-3, 1, 5e-4, 4e-3, 2, 3);
        PairedCrossing.Result r = run(Step.at(1, 4), Step.at(1e-6, 4), s);
        assertThat(r.a().status()).isEqualTo("above");
        assertThat(r.a().firstFail()).isNull();
        assertThat(r.b().status()).isEqualTo("below");
        assertThat(r.points()).allSatisfy(p -> assertThat(p.ber()).isBetween(5e-4, 4e-3));
    }

    /** One network against itself: the same crossing in every replicate, never above. */
    @Test
    void aNetworkAgainstItselfIsNeverAbove() {
        PairedCrossing.Result r = run(new Noisy(0.80, 400), new Noisy(0.80, 400), settings(5));
        assertThat(r.a()).isEqualTo(r.b());
        assertThat(r.aAbove()).isZero();
        assertThat(r.tie()).isEqualTo(1.0);
    }

    /**
     * Swapping the networks mirrors the bootstrap (the replicates resample the same draws): A above in the swap is B
     * above in the original, ties the same; and a network 2 points better at every BER is found above at 95 %.
     */
    @Test
    void swappingTheNetworksMirrorsTheConfidence() {
        Noisy better = new Noisy(0.82, 2000);
        Noisy worse = new Noisy(0.80, 2000);
        PairedCrossing.Result r = run(better, worse, settings(8));
        PairedCrossing.Result swapped = run(worse, better, settings(8));
        assertThat(r.aAbove()).isGreaterThanOrEqualTo(0.95);
        assertThat(swapped.tie()).isEqualTo(r.tie());
        assertThat(swapped.aAbove()).isCloseTo(1 - r.aAbove() - r.tie(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(swapped.points()).hasSameSizeAs(r.points());
    }

    /** A resumed comparison reads every point back and evaluates nothing; the result is the same. */
    @Test
    void aResumedComparisonEvaluatesNothingAgain(@TempDir Path dir) {
        PairedCrossing.Settings s = settings(3);
        AtomicInteger opened = new AtomicInteger();
        PairedTrials a = counted(Step.at(s.ber(3), 4), opened);
        PairedTrials b = counted(Step.at(s.ber(1), 4), opened);
        PairedCrossing.Result first = new PairedCrossing(s, a, b, RULE, PointStore.open(dir.resolve("p.json"), "x"),
                m -> { }).run();
        assertThat(opened.get()).isEqualTo(5 * 2 * 3);
        PairedCrossing.Result again = new PairedCrossing(s, a, b, RULE, PointStore.open(dir.resolve("p.json"), "x"),
                m -> { }).run();
        assertThat(opened.get()).isEqualTo(5 * 2 * 3);
        assertThat(again.a()).isEqualTo(first.a());
        assertThat(again.b()).isEqualTo(first.b());
        assertThat(again.aAbove()).isEqualTo(first.aAbove());
    }

    /**
     * More draws on a finished comparison keep the draws measured and add only the new ones at each point; the result
     * equals a comparison run with that many draws from the start, and fewer draws read back the first ones.
     */
    @Test
    void moreDrawsAddToThePointsMeasured(@TempDir Path dir) {
        AtomicInteger opened = new AtomicInteger();
        PairedTrials a = counted(new Noisy(0.82, 300), opened);
        PairedTrials b = counted(new Noisy(0.80, 300), opened);
        PointStore three = PointStore.open(dir.resolve("p.json"), "x");
        PairedCrossing.Result first = new PairedCrossing(settings(3), a, b, RULE, three, m -> { }).run();
        int firstPoints = first.points().size();
        assertThat(opened.get()).isEqualTo(firstPoints * 2 * 3);

        opened.set(0);
        PairedCrossing.Result more = new PairedCrossing(settings(8), a, b, RULE, PointStore.open(dir.resolve("p.json"),
                "x"), m -> { }).run();
        PairedCrossing.Result fresh = run(new Noisy(0.82, 300), new Noisy(0.80, 300), settings(8));
        // the points already measured cost 5 more draws each, any point the new draws lead to all 8
        int kept = (int) more.points().stream().filter(p -> first.points().stream()
                .anyMatch(q -> q.index() == p.index())).count();
        assertThat(opened.get()).isEqualTo(2 * (kept * 5 + (more.points().size() - kept) * 8));
        assertThat(indices(more)).isEqualTo(indices(fresh));
        for (int k = 0; k < fresh.points().size(); k++) {
            assertThat(more.points().get(k).a()).containsExactly(fresh.points().get(k).a());
            assertThat(more.points().get(k).b()).containsExactly(fresh.points().get(k).b());
        }
        assertThat(more.a()).isEqualTo(fresh.a());
        assertThat(more.b()).isEqualTo(fresh.b());
        assertThat(more.aAbove()).isEqualTo(fresh.aAbove());

        opened.set(0);
        PairedCrossing.Result fewer = new PairedCrossing(settings(3), a, b, RULE, PointStore.open(dir.resolve("p.json"),
                "x"), m -> { }).run();
        assertThat(opened.get()).as("three draws are read back from eight").isZero();
        assertThat(fewer.points().get(0).a()).containsExactly(first.points().get(0).a());
        assertThat(fewer.aAbove()).isEqualTo(first.aAbove());
    }

    /** A checkpoint written under an older identity that the caller accepts is read, then rewritten under the new one. */
    @Test
    void anOlderIdentityOfTheSameMeasurementsIsTakenOver(@TempDir Path dir) {
        PairedCrossing.Settings s = settings(3);
        PairedTrials a = Step.at(s.ber(3), 4);
        PairedTrials b = Step.at(s.ber(1), 4);
        new PairedCrossing(s, a, b, RULE, PointStore.open(dir.resolve("p.json"), "seed=1 draws=3 test=4"), m -> { }).run();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PointStore.open(dir.resolve("p.json"), "seed=1 test=4"))
                .isInstanceOf(org.undervolt.InvalidInputException.class).hasMessageContaining("another configuration");
        AtomicInteger opened = new AtomicInteger();
        PointStore store = PointStore.open(dir.resolve("p.json"), "seed=1 test=4",
                old -> old.replaceFirst(" draws=\\d+ ", " ").equals("seed=1 test=4"));
        new PairedCrossing(settings(4), counted(a, opened), counted(b, opened), RULE, store, m -> { }).run();
        assertThat(opened.get()).as("one more draw at each of the 5 points").isEqualTo(5 * 2);
        assertThat(PointStore.open(dir.resolve("p.json"), "seed=1 test=4").get(PairedCrossing.A, s.ber(0)))
                .hasValueSatisfying(p -> assertThat(p.trials()).isEqualTo(4));
    }

    /** Both networks of one draw get the same stream (the fat-vs-control stage's at that BER and trial). */
    @Test
    void bothNetworksReadTheSameDraw() {
        List<Long> seenA = new ArrayList<>();
        List<Long> seenB = new ArrayList<>();
        run(recording(seenA), recording(seenB), settings(2));
        assertThat(seenA).isEqualTo(seenB).isNotEmpty();
        assertThat(seenA.get(0)).isEqualTo(PairedComparison.stream(7, 1e-3, 0).split().nextLong());
    }

    private static PairedTrials counted(PairedTrials t, AtomicInteger opened) {
        return new Delegate(t, rng -> opened.incrementAndGet());
    }

    private static PairedTrials recording(List<Long> seen) {
        return new Delegate(Step.at(1.5e-3, 4), rng -> seen.add(rng.split().nextLong()));
    }

    /** A network right on 3 of every 4 images up to {@code cut} (inclusive), on half of them above it. */
    private record Step(double cut, int images) implements PairedTrials {
        static Step at(double cut, int images) {
            return new Step(cut, images);
        }

        @Override
        public boolean cleanCorrect(int i) {
            return true;
        }

        @Override
        public Trial open(double ber, SplittableRandom rng) {
            int right = ber <= cut ? 3 * images / 4 : images / 2;
            return (order, from, to) -> {
                boolean[] c = new boolean[to - from];
                for (int k = from; k < to; k++) {
                    c[k - from] = order[k] < right;
                }
                return new Chunk(c, 0);
            };
        }
    }

    /**
     * A noisy network whose accuracy falls with log BER ({@code top} at 1e-3, 5 points less per doubling of the BER);
     * a draw shifts every image's chance by a common amount, and its images' uniforms are the draw's too (a hard draw
     * is hard for both networks of a pair, as the same flipped bits are).
     */
    private record Noisy(double top, int images) implements PairedTrials {

        @Override
        public boolean cleanCorrect(int i) {
            return true;
        }

        @Override
        public Trial open(double ber, SplittableRandom rng) {
            double shift = (rng.nextDouble() - 0.5) * 0.02;
            double p = top - 0.05 * Math.log(ber / 1e-3) / Math.log(2) + shift;
            double[] u = new double[images];
            for (int j = 0; j < images; j++) {
                u[j] = rng.nextDouble();
            }
            return (order, from, to) -> {
                boolean[] c = new boolean[to - from];
                for (int k = from; k < to; k++) {
                    c[k - from] = u[order[k]] < p;
                }
                return new Chunk(c, 0);
            };
        }
    }

    /** A network that tells {@code seen} about each draw's stream before evaluating. */
    private record Delegate(PairedTrials inner, java.util.function.Consumer<SplittableRandom> seen) implements PairedTrials {
        @Override
        public int images() {
            return inner.images();
        }

        @Override
        public boolean cleanCorrect(int i) {
            return inner.cleanCorrect(i);
        }

        @Override
        public Trial open(double ber, SplittableRandom rng) {
            seen.accept(rng);
            return inner.open(ber, rng);
        }
    }
}
