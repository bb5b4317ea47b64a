package org.undervolt.dram.error;

import java.util.List;
import java.util.function.Supplier;

/**
 * The bytes an error model may corrupt: {@code data[from, to)}, with (optionally) where they lie in
 * DRAM as row spans. Models that ignore location (uniform, data-dependent) never ask for the spans;
 * location-aware ones (bitline, wordline, weak subarrays) do, and fail on a region without them.
 */
public final class MemoryRegion {
    private final byte[] data;
    private final int from;
    private final int to;
    private final Supplier<List<RowSpan>> layout;
    private List<RowSpan> spans;

    /**
     * @param layout supplies the spans covering {@code [from, to)} in order, or {@code null} when
     *               the region's location is unknown
     */
    public MemoryRegion(byte[] data, int from, int to, Supplier<List<RowSpan>> layout) {
        if (from < 0 || to < from || to > data.length) {
            throw new IllegalArgumentException("region [" + from + ", " + to + ") outside " + data.length + " bytes");
        }
        this.data = data;
        this.from = from;
        this.to = to;
        this.layout = layout;
    }

    /** A whole array with no DRAM location. */
    public static MemoryRegion of(byte[] data) {
        return new MemoryRegion(data, 0, data.length, null);
    }

    public byte[] data() {
        return data;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    /** Bits in the region. */
    public long bits() {
        return 8L * (to - from);
    }

    public boolean hasLayout() {
        return layout != null;
    }

    /** The row spans covering the region, in order; computed once. */
    public List<RowSpan> spans() {
        if (layout == null) {
            throw new IllegalStateException("this error model needs DRAM locations, but the region has none");
        }
        if (spans == null) {
            spans = List.copyOf(layout.get());
        }
        return spans;
    }

    /** Flips one bit (index relative to the array, as in {@link FlipListener}). */
    public void flip(long bitIndex) {
        data[(int) (bitIndex >>> 3)] ^= (byte) (1 << (bitIndex & 7));
    }

    /** The current value of one bit. */
    public int bit(long bitIndex) {
        return (data[(int) (bitIndex >>> 3)] >>> (bitIndex & 7)) & 1;
    }
}
