package org.undervolt.nn.kernel;

/**
 * Per-thread scratch arrays for kernels that need a work buffer per call (column matrices,
 * accumulators), so that a training step does not allocate and zero megabytes per batch.
 *
 * <p>A buffer's contents are undefined when handed out: callers write every element they later
 * read. A slot may be held by one caller at a time on a thread; callers that nest use different
 * slots. Buffers above {@value #MAX_KEPT} floats are not kept (large networks allocate as before).
 */
public final class Scratch {
    /** Slots available to callers. */
    public static final int SLOTS = 6;
    /** Largest buffer kept per slot and thread, in floats (16 MiB). */
    static final int MAX_KEPT = 1 << 22;
    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[SLOTS][]);

    private Scratch() {
    }

    /** An array of at least {@code n} floats for {@code slot} on the calling thread. */
    public static float[] floats(int slot, int n) {
        if (n > MAX_KEPT) {
            return new float[n];
        }
        float[][] mine = BUFFERS.get();
        float[] b = mine[slot];
        if (b == null || b.length < n) {
            b = new float[n];
            mine[slot] = b;
        }
        return b;
    }
}
