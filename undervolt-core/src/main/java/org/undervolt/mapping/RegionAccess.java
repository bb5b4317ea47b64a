package org.undervolt.mapping;

/**
 * One step of a dataflow: a whole region read or written, front to back, in bursts.
 *
 * @param region the data
 * @param write  {@code true} for a write, {@code false} for a read
 */
public record RegionAccess(DataRegion region, boolean write) {
    public static RegionAccess read(DataRegion r) {
        return new RegionAccess(r, false);
    }

    public static RegionAccess write(DataRegion r) {
        return new RegionAccess(r, true);
    }
}
