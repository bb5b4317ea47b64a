package org.undervolt.dram.sim;

/**
 * FR-FCFS (Rixner et al., ISCA 2000; Ramulator 2.0a's FRFCFS scheduler): among a queue's requests the oldest whose
 * next command is ready this cycle, row hits and others alike. The pick is {@link BankScan} over each bank's oldest
 * row hit and oldest other request ({@link BankQueue}) against the per-bank and per-rank ready cycles
 * {@link DeviceTiming} keeps: branch-free ({@link BankScan#branchFree}) while ranks have at most 64 banks, in vector
 * lanes when asked, else with the scalar reference.
 */
final class FrFcfsScheduler implements Scheduler {
    private static final int PRE = SimCommand.PRE.ordinal();
    private static final int ACT = SimCommand.ACT.ordinal();
    private static final int WR = SimCommand.WR.ordinal();

    private final DeviceTiming dev;
    private boolean vectorScan;
    private final BankScan scan = new BankScan();

    FrFcfsScheduler(DeviceTiming dev, boolean vectorScan) {
        this.dev = dev;
        this.vectorScan = vectorScan;
    }

    @Override
    public int pick(long clk, BankQueue buf, int fin) {
        final BankScan scan = this.scan;
        scan.reset();
        final long[] finAt = fin == WR ? dev.wrAtBank : dev.rdAtBank;
        final int bpr = dev.banksPerRank;
        for (int r = 0; r < dev.ranks; r++) {
            long rFin = dev.rankLevelReady(fin, r);
            long rPre = dev.rankLevelReady(PRE, r);
            long rAct = dev.rankLevelReady(ACT, r);
            if (vectorScan) {
                scan.vector(clk, rFin, rPre, rAct, buf.hitId, buf.otherId, finAt, dev.otherAtBank, dev.closedMask,
                        r * bpr, (r + 1) * bpr);
            } else if (buf.bits) {
                scan.branchFree(clk, rFin, rPre, rAct, buf.hitId, buf.otherId, finAt, dev.otherAtBank, dev.closedMask,
                        buf.hitBits[r], r * bpr, (r + 1) * bpr);
            } else {
                scan.scalar(clk, rFin, rPre, rAct, buf.hitId, buf.otherId, finAt, dev.otherAtBank, dev.closedMask,
                        r * bpr, (r + 1) * bpr);
            }
        }
        return scan.best == BankScan.NONE ? -1 : (int) scan.best;
    }

    @Override
    public void pickInLanes() {
        vectorScan = true;
    }

    @Override
    public long min() {
        return scan.min;
    }

    @Override
    public boolean anotherReady() {
        return scan.ready > 1;
    }

    @Override
    public boolean perBankOffers() {
        return true;
    }
}
