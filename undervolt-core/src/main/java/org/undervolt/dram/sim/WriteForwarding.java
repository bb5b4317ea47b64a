package org.undervolt.dram.sim;

/**
 * The addresses of a channel's queued writes, in write-queue order, so that a read of an address a queued write
 * holds is served from that write (as Ramulator 2.0a's controller forwards). A hash count per address bucket
 * skips the search for most reads, and a read refused because the read queue was full is not searched again
 * until the write queue changes.
 */
final class WriteForwarding {
    private final long[] addr;
    /** Queued writes per hash bucket of their address: a read whose bucket is empty cannot be forwarded. */
    private final int[] bucket = new int[1024];
    /** Changes of the write queue, and the last request found not forwardable at that state. */
    private long changes;
    private long noForwardAt = -1;
    private int noForwardId = -1;

    WriteForwarding(int capacity) {
        addr = new long[capacity];
    }

    /** Whether read {@code id} of {@code address} finds one of the {@code queued} writes. */
    boolean finds(int id, long address, int queued) {
        final long[] wa = addr;
        int from = bucket[bucket(address)] == 0 || (noForwardId == id && noForwardAt == changes) ? queued : 0;
        for (int i = from; i < queued; i++) {
            if (wa[i] == address) {
                return true;
            }
        }
        return false;
    }

    /** Read {@code id} was refused (read queue full) after {@link #finds} said no: no need to search again yet. */
    void refused(int id) {
        noForwardId = id;
        noForwardAt = changes;
    }

    /** A write of {@code address} joined the write queue at position {@code pos} (its end). */
    void added(long address, int pos) {
        addr[pos] = address;
        bucket[bucket(address)]++;
        changes++;
    }

    /** The write at position {@code at} of a queue of {@code queued} writes left it. */
    void removed(int at, int queued) {
        bucket[bucket(addr[at])]--;
        System.arraycopy(addr, at + 1, addr, at, queued - at - 1);
        changes++;
    }

    private static int bucket(long address) {
        long h = address * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 54);
    }
}
