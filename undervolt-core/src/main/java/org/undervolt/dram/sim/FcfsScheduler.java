package org.undervolt.dram.sim;

/**
 * First-come first-served: only the oldest request of the queue may be served; its next command issues when
 * ready, and younger requests wait behind it even when their row is open (no row-hit reordering).
 */
final class FcfsScheduler implements Scheduler {
    private final DecodedRequests q;
    private final DeviceTiming dev;
    private long min = BankScan.NONE;

    FcfsScheduler(DecodedRequests q, DeviceTiming dev) {
        this.q = q;
        this.dev = dev;
    }

    @Override
    public int pick(long clk, BankQueue buf, int fin) {
        min = BankScan.NONE;
        if (buf.size == 0) {
            return -1;
        }
        int id = buf.ids[0];
        int bank = q.bankFlat(id);
        int open = dev.openRow[bank];
        int cmd = open < 0 ? SimCommand.ACT.ordinal() : open == q.row(id) ? fin : SimCommand.PRE.ordinal();
        long at = dev.nextReadyAt(cmd, q.rank(id), bank);
        if (at <= clk) {
            return id;
        }
        min = at;
        return -1;
    }

    @Override
    public long min() {
        return min;
    }

    @Override
    public boolean anotherReady() {
        return false; // only the oldest request may be served
    }
}
