package org.undervolt.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.undervolt.random.Seeds;
import org.undervolt.storage.Formats;
import org.undervolt.storage.NumberFormat;

/**
 * INT8 storage (symmetric, one scale per tensor: the format of EDEN's int8 weights) of 1M weights: encoding
 * floats into the bytes that live in DRAM, and decoding them back (done once per Monte-Carlo trial), against
 * the baseline {@code System.arraycopy} of the same float array. Scores are per value.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Int8Bench {
    /** Values in the tensor; the scores are per value. */
    static final int VALUES = 1_000_000;

    float[] weights;
    float[] decoded;
    byte[] stored;
    NumberFormat int8;

    @Setup
    public void setup() {
        weights = BenchSeeds.uniform(Seeds.stream(BenchSeeds.MASTER, BenchSeeds.INT8), VALUES);
        for (int i = 0; i < VALUES; i++) {
            weights[i] *= 0.05f; // a trained layer's scale
        }
        int8 = Formats.INT8.fit(weights, new int[] {VALUES});
        stored = int8.encode(weights);
        decoded = new float[VALUES];
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public float[] baselineFloatCopy() {
        System.arraycopy(weights, 0, decoded, 0, VALUES);
        return decoded;
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public byte[] encode() {
        int8.encode(weights, stored, 0);
        return stored;
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public float[] decode() {
        int8.decode(stored, 0, decoded);
        return decoded;
    }
}
