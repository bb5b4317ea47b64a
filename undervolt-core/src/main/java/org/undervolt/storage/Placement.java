package org.undervolt.storage;

/**
 * Decides where each byte of a {@link DramImage} lives in DRAM. Policies are pluggable: the
 * mapping layer adds policies that spread data over banks for row-buffer hits or keep it out of
 * weak subarrays.
 */
public interface Placement {

    /** The geometry this placement lays bytes out in. */
    DramGeometry geometry();

    /** The location of the image byte at {@code offset}. */
    DramLocation locate(long offset);

    /**
     * How many bytes from {@code offset} on lie in the same row at consecutive columns (at least 1).
     * Error models that work row by row walk an image in such runs.
     */
    int runLength(long offset);

    /** The policy's name, e.g. {@code sequential}. */
    String name();
}
