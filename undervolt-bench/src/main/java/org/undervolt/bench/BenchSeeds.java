package org.undervolt.bench;

import java.util.SplittableRandom;

/** Seeds and task ids of the benchmarks' inputs: every input is drawn from {@code Seeds.stream(MASTER, id)}. */
final class BenchSeeds {
    static final long MASTER = 20261122L;
    static final long GEMM = 1;
    static final long INJECTION = 2;
    static final long ENERGY = 3;
    static final long SIM = 4;
    static final long INT8 = 5;
    static final long SNN = 6;
    static final long CONV = 7;

    private BenchSeeds() {
    }

    /** {@code count} values uniform in [-1, 1). */
    static float[] uniform(SplittableRandom r, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1);
        }
        return v;
    }
}
