package org.undervolt.storage;

/**
 * The simplest placement: image byte {@code b} sits at physical byte address {@code start + b},
 * decoded column first, then row within subarray, subarray, bank, rank and channel. Consecutive
 * bytes fill a row, then the next row of the same subarray, and so on.
 */
public final class SequentialPlacement implements Placement {
    private final DramGeometry geometry;
    private final long start;

    public SequentialPlacement(DramGeometry geometry) {
        this(geometry, 0);
    }

    /** Starts the image at physical byte address {@code start}. */
    public SequentialPlacement(DramGeometry geometry, long start) {
        if (start < 0 || start >= geometry.capacityBytes()) {
            throw new IllegalArgumentException("start address " + start + " outside the DRAM's "
                    + geometry.capacityBytes() + " bytes");
        }
        this.geometry = geometry;
        this.start = start;
    }

    @Override
    public DramGeometry geometry() {
        return geometry;
    }

    @Override
    public DramLocation locate(long offset) {
        long a = address(offset);
        DramGeometry g = geometry;
        int column = (int) (a % g.rowBytes());
        a /= g.rowBytes();
        int row = (int) (a % g.rowsPerSubarray());
        a /= g.rowsPerSubarray();
        int subarray = (int) (a % g.subarraysPerBank());
        a /= g.subarraysPerBank();
        int bank = (int) (a % g.banks());
        a /= g.banks();
        int rank = (int) (a % g.ranks());
        int channel = (int) (a / g.ranks());
        return new DramLocation(channel, rank, bank, subarray, row, column);
    }

    @Override
    public int runLength(long offset) {
        return (int) (geometry.rowBytes() - address(offset) % geometry.rowBytes());
    }

    private long address(long offset) {
        long a = start + offset;
        if (offset < 0 || a >= geometry.capacityBytes()) {
            throw new IllegalArgumentException("image byte " + offset + " does not fit in the DRAM's "
                    + geometry.capacityBytes() + " bytes (start " + start + ")");
        }
        return a;
    }

    @Override
    public String name() {
        return "sequential";
    }
}
