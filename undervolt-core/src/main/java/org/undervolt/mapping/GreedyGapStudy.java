package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.undervolt.random.Seeds;

/**
 * How far EDEN's greedy mapping is from the optimum, over random instances shaped like network mappings:
 * item sizes log-uniform over three decades, tolerable BERs log-uniform in [1e-8, 1e-2], partitions with BERs
 * spread over the same range at energies falling with the BER (lower voltage), capacities so that the lowest
 * partitions cannot take everything. Instance k is drawn from {@code Seeds.stream(seed, k)}.
 */
public final class GreedyGapStudy {

    /**
     * Summary over the instances both mappers could place completely.
     *
     * @param instances      instances drawn
     * @param solved         instances with a complete optimal assignment
     * @param greedyFailed   of those, instances where greedy left an item unplaced
     * @param optimalHits    instances where greedy's cost equals the optimum (relative 1e-12)
     * @param meanGap        mean of (greedy − optimal) / optimal over instances both placed fully
     * @param maxGap         the largest such gap
     * @param gaps           every gap, instance order
     */
    public record Result(int instances, int solved, int greedyFailed, int optimalHits, double meanGap, double maxGap,
                         List<Double> gaps) {
    }

    private GreedyGapStudy() {
    }

    /** A random instance of {@code items} items over {@code partitions} partitions. */
    public static MappingProblem instance(SplittableRandom r, int items, int partitions) {
        long[] bytes = new long[items];
        double[] tol = new double[items];
        long[] reads = new long[items];
        long total = 0;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            bytes[i] = (long) Math.pow(10, 3 + 3 * r.nextDouble());
            reads[i] = bytes[i] / 64 * (1 + r.nextInt(4));
            tol[i] = Math.pow(10, -8 + 6 * r.nextDouble());
            total += bytes[i];
            names.add("d" + i);
        }
        long[] cap = new long[partitions];
        double[] ber = new double[partitions];
        double[] perAccess = new double[partitions];
        double[] red = new double[partitions];
        for (int p = 0; p < partitions; p++) {
            double f = partitions == 1 ? 0 : (double) p / (partitions - 1);
            ber[p] = p == 0 ? 0 : Math.pow(10, -8 + 6 * f);
            perAccess[p] = 1.0 - 0.45 * f * (0.8 + 0.4 * r.nextDouble()) / 1.2;
            red[p] = -perAccess[p];
            cap[p] = p == 0 ? total : (long) (total * (0.1 + 0.4 * r.nextDouble()));
        }
        double[][] cost = new double[items][partitions];
        boolean[][] ok = new boolean[items][partitions];
        for (int i = 0; i < items; i++) {
            for (int p = 0; p < partitions; p++) {
                cost[i][p] = reads[i] * perAccess[p];
                ok[i][p] = ber[p] <= tol[i];
            }
        }
        return new MappingProblem(Collections.unmodifiableList(names), bytes, cap, cost, ok, tol, red);
    }

    public static Result run(long seed, int instances, int items, int partitions) {
        int solved = 0, failed = 0, hits = 0;
        double sum = 0, max = 0;
        List<Double> gaps = new ArrayList<>();
        for (int k = 0; k < instances; k++) {
            MappingProblem pr = instance(Seeds.stream(seed, k), items, partitions);
            Assignment opt = ExactMapper.map(pr);
            if (!opt.complete()) {
                continue;
            }
            solved++;
            Assignment g = GreedyMapper.map(pr);
            if (!g.complete()) {
                failed++;
                continue;
            }
            double gap = (g.joules() - opt.joules()) / opt.joules();
            gaps.add(gap);
            sum += gap;
            max = Math.max(max, gap);
            if (gap <= 1e-12) {
                hits++;
            }
        }
        int n = gaps.size();
        return new Result(instances, solved, failed, hits, n == 0 ? 0 : sum / n, max, List.copyOf(gaps));
    }
}
