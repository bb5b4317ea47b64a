package org.undervolt.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.random.Seeds;

class MapperTest {

    /** Every complete assignment, enumerated: the reference the exact mapper must match. */
    static double bruteForce(MappingProblem pr) {
        int n = pr.itemCount();
        int m = pr.partitionCount();
        int[] a = new int[n];
        double best = Double.POSITIVE_INFINITY;
        long total = (long) Math.pow(m, n);
        for (long code = 0; code < total; code++) {
            long c = code;
            for (int i = 0; i < n; i++) {
                a[i] = (int) (c % m);
                c /= m;
            }
            if (pr.isValid(a)) {
                best = Math.min(best, pr.costOf(a));
            }
        }
        return best;
    }

    @Test
    void exactEqualsBruteForceOnTinyInstances() {
        int complete = 0;
        for (int k = 0; k < 300; k++) {
            SplittableRandom r = Seeds.stream(11, k);
            MappingProblem pr = GreedyGapStudy.instance(r, 2 + r.nextInt(5), 1 + r.nextInt(4));
            double brute = bruteForce(pr);
            Assignment exact = ExactMapper.map(pr);
            assertThat(exact.optimal()).isTrue();
            if (Double.isInfinite(brute)) {
                assertThat(exact.complete()).isFalse();
                continue;
            }
            complete++;
            assertThat(exact.complete()).isTrue();
            assertThat(pr.isValid(exact.partitionOf())).isTrue();
            assertThat(exact.joules()).isCloseTo(brute, org.assertj.core.data.Offset.offset(1e-9 * brute));
        }
        assertThat(complete).isGreaterThan(200);
    }

    @Test
    void optimalNeverWorseThanGreedyAndGreedyRespectsCapacity() {
        for (int k = 0; k < 300; k++) {
            SplittableRandom r = Seeds.stream(12, k);
            MappingProblem pr = GreedyGapStudy.instance(r, 3 + r.nextInt(8), 2 + r.nextInt(6));
            Assignment g = GreedyMapper.map(pr);
            Assignment opt = ExactMapper.map(pr);
            long[] used = new long[pr.partitionCount()];
            int[] a = g.partitionOf();
            for (int i = 0; i < a.length; i++) {
                if (a[i] >= 0) {
                    assertThat(pr.allowed()[i][a[i]]).isTrue();
                    used[a[i]] += pr.bytes()[i];
                }
            }
            for (int p = 0; p < used.length; p++) {
                assertThat(used[p]).isLessThanOrEqualTo(pr.capacity()[p]);
            }
            if (g.complete()) {
                assertThat(opt.complete()).isTrue();
                assertThat(opt.joules()).isLessThanOrEqualTo(g.joules() * (1 + 1e-12));
            }
        }
    }

    @Test
    void greedyFollowsEdenOrderAndLosesOnAKnownInstance() {
        // two partitions: p0 nominal (BER 0, cost 1/burst), p1 approximate (BER 1e-4, cost 0.5/burst, 100 bytes)
        // a: tolerant (1e-3), 100 bytes, 10 bursts; b: tolerance 1e-4, 100 bytes, 1000 bursts.
        // Greedy gives p1 to the more tolerant a; the optimum gives it to b, which is read far more.
        MappingProblem pr = new MappingProblem(List.of("a", "b"), new long[] {100, 100}, new long[] {1000, 100},
                new double[][] {{10, 5}, {1000, 500}}, new boolean[][] {{true, true}, {true, true}},
                new double[] {1e-3, 1e-4}, new double[] {-1, -0.5});
        Assignment g = GreedyMapper.map(pr);
        Assignment opt = ExactMapper.map(pr);
        assertThat(g.partitionOf()).containsExactly(1, 0);
        assertThat(g.joules()).isEqualTo(1005.0);
        assertThat(opt.partitionOf()).containsExactly(0, 1);
        assertThat(opt.joules()).isEqualTo(510.0);
    }

    @Test
    void itemTooLargeForEveryAllowedPartitionIsLeftUnplaced() {
        MappingProblem pr = new MappingProblem(List.of("a"), new long[] {500}, new long[] {100, 1000},
                new double[][] {{1, 2}}, new boolean[][] {{true, false}}, new double[] {0}, new double[] {-1, -2});
        assertThat(GreedyMapper.map(pr).complete()).isFalse();
        assertThat(ExactMapper.map(pr).complete()).isFalse();
        assertThat(Arrays.stream(ExactMapper.map(pr).partitionOf()).allMatch(p -> p == -1)).isTrue();
    }

    @Test
    void gapStudyIsDeterministicAndNonNegative() {
        GreedyGapStudy.Result a = GreedyGapStudy.run(5, 40, 8, 4);
        GreedyGapStudy.Result b = GreedyGapStudy.run(5, 40, 8, 4);
        assertThat(a).isEqualTo(b);
        assertThat(a.solved()).isGreaterThan(20);
        assertThat(a.gaps()).allMatch(x -> x >= -1e-12);
    }
}
