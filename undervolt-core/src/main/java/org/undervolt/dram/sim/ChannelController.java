package org.undervolt.dram.sim;

/**
 * The memory controller of one channel, modelled on Ramulator 2.0a's Generic controller so results compare. It
 * composes three parts picked by name ({@link SimConfig}): a {@link Scheduler} (which queued request is served
 * next: FR-FCFS or FCFS), a {@link RowPolicy} (open, closed, auto-precharge) and a {@link RefreshPolicy}
 * (all-bank every tREFI, or none); itself it keeps the queues and the order they are served in:
 * <ul>
 *   <li>a read queue and a write queue (each accepting while its size is at most {@code queueSize}), a
 *       priority queue for refresh and close-row precharges, and an "active" buffer holding requests whose
 *       row was activated for them until their column command issues;</li>
 *   <li>per cycle at most one command: first the best request of the active buffer if ready, else the head
 *       of the priority queue (which blocks everything else until it is ready), else the scheduler's pick from
 *       the read or write queue, chosen by write-drain mode (enter above 80 % of the write queue or with no reads,
 *       leave below 20 % when reads wait); a precharge that would close a row an active-buffer request is waiting
 *       on is held back;</li>
 *   <li>row hit / miss / conflict of a request classified when its first command issues; a read's latency is
 *       from arrival to the end of its data burst (issue + CL + BL/2); a read that finds a queued write to the
 *       same address is served from it next cycle.</li>
 * </ul>
 * Cycles in which nothing can happen are skipped: {@link #nextEvent} gives the next cycle a command may
 * become ready (timing only changes when a command issues), so the caller can jump there.
 */
final class ChannelController {
    private static final int ACT = SimCommand.ACT.ordinal();
    private static final int PRE = SimCommand.PRE.ordinal();
    private static final int PREA = SimCommand.PREA.ordinal();
    private static final int RD = SimCommand.RD.ordinal();
    private static final int WR = SimCommand.WR.ordinal();
    private static final int REF = SimCommand.REF.ordinal();
    private static final int RDA = SimCommand.RDA.ordinal();
    private static final int WRA = SimCommand.WRA.ordinal();

    private static final int SRC_NONE = 0, SRC_ACTIVE = 1, SRC_PRIORITY = 2, SRC_READ = 3, SRC_WRITE = 4;
    private static final int KIND_REFRESH = 0, KIND_CLOSE = 1;
    /** Pending reads above which a tick completes those whose data has returned. */
    private static final int PENDING_BATCH = 128;

    private final int channelId;
    private final DecodedRequests q;
    private final DeviceTiming dev;
    private final CommandListener listener;
    private final int maxSize;
    private final int readLatency;
    /** Which queued request is served next. */
    private final Scheduler scheduler;
    /** When rows are closed (close-row precharges, auto-precharge). */
    private final RowPolicy rowPolicy;
    /** When ranks are refreshed. */
    private final RefreshPolicy refresh;
    private final float highMark;
    private final float lowMark;
    private final int bankGroups;
    private final int banksPerGroup;

    // queues of request ids, oldest first
    private final BankQueue rq;
    private final BankQueue wq;
    /** Addresses of the queued writes, for serving reads from them. */
    private final WriteForwarding forwarding;
    private final int[] abuf;
    /** Active-buffer requests per flat bank and per rank (a precharge there is held back). */
    private final int[] activeOnBank, activeOnRank;
    private int asize;
    /**
     * Lower bound on the cycle any active-buffer request becomes ready. Their rows stay open (a precharge of
     * them is held back) so their ready cycles only grow: the bound stays valid until recomputed.
     */
    private long aBound = Long.MAX_VALUE;
    private boolean writeMode;

    // priority queue (FIFO ring) of refresh / close-row requests
    private int[] pKind = new int[64], pRank = new int[64], pBg = new int[64], pBank = new int[64], pRow = new int[64];
    private int pHead, pSize;

    /** Whether the scheduler's bounds survive commands on other banks ({@link Scheduler#perBankOffers}). */
    private final boolean perBankOffers;
    /** The queue whose pick was a precharge held back: picked again after the next command (else null). */
    private BankQueue heldBack;

    /** Reads whose data is on its way, and the latency of those completed. */
    final PendingReads pending = new PendingReads();

    // statistics
    final long[] commandCounts = new long[SimCommand.COUNT];
    long readsAccepted, writesAccepted, readsForwarded;
    final RowOutcomes rowOutcomes = new RowOutcomes();

    /** {@code vectorScan}: pick in vector lanes (see {@link BankScan#VECTOR_PAYS}), else with the scalar reference. */
    ChannelController(int channelId, DecodedRequests q, SimConfig cfg, CommandListener listener, boolean vectorScan) {
        this.channelId = channelId;
        this.q = q;
        this.listener = listener;
        SimSpec spec = cfg.spec();
        int[] rcd = null;
        if (cfg.rcdByBank() != null) {
            int banksPerChannel = spec.organization().ranks() * spec.organization().banks();
            rcd = java.util.Arrays.copyOfRange(cfg.rcdByBank(), channelId * banksPerChannel,
                    (channelId + 1) * banksPerChannel);
        }
        this.dev = rcd == null ? new DeviceTiming(spec.organization(), spec.protocol().constraints(spec.timings()))
                : new DeviceTiming(spec.organization(), spec.protocol().constraints(spec.timings().withRcd(1)), rcd);
        this.maxSize = cfg.queueSize();
        this.readLatency = spec.readLatency();
        this.scheduler = Scheduler.of(cfg.scheduler(), q, dev, vectorScan);
        this.perBankOffers = scheduler.perBankOffers();
        this.rowPolicy = RowPolicy.of(cfg.pagePolicy(), cfg.closedCap(), spec.organization().ranks(), dev.banksPerRank);
        this.refresh = RefreshPolicy.of(cfg.refresh(), spec.timings().nREFI());
        this.highMark = SimConfig.WRITE_HIGH_WATERMARK * maxSize;
        this.lowMark = SimConfig.WRITE_LOW_WATERMARK * maxSize;
        this.bankGroups = spec.organization().bankGroups();
        this.banksPerGroup = spec.organization().banksPerGroup();
        int banks = spec.organization().ranks() * spec.organization().banks();
        rq = new BankQueue(maxSize + 2, banks, dev.banksPerRank, q);
        wq = new BankQueue(maxSize + 2, banks, dev.banksPerRank, q);
        forwarding = new WriteForwarding(maxSize + 2);
        abuf = new int[maxSize + 2];
        activeOnBank = new int[banks];
        activeOnRank = new int[spec.organization().ranks()];
    }

    /** Makes the scheduler pick in vector lanes from now on (same picks, faster once compiled). */
    void pickInLanes() {
        scheduler.pickInLanes();
    }

    /** Offers request {@code id} at cycle {@code clk} (before this cycle's tick); false if its queue is full. */
    boolean send(int id, long clk) {
        if (!q.write(id)) {
            if (forwarding.finds(id, q.address(id), wq.size)) {
                pending.push(clk + 1, clk);
                readsForwarded++;
                readsAccepted++;
                q.release(id);
                return true;
            }
            if (rq.size > maxSize) {
                forwarding.refused(id);
                return false;
            }
            q.arrive(id, clk);
            rq.add(id, q.bankFlat(id), dev.openRow[q.bankFlat(id)]);
            readsAccepted++;
            rq.notBefore = Math.min(rq.notBefore, readyOf(id));
        } else {
            if (wq.size > maxSize) {
                return false;
            }
            q.arrive(id, clk);
            forwarding.added(q.address(id), wq.size);
            wq.add(id, q.bankFlat(id), dev.openRow[q.bankFlat(id)]);
            writesAccepted++;
            wq.notBefore = Math.min(wq.notBefore, readyOf(id));
        }
        return true;
    }

    /** One controller cycle at {@code clk}; true if a command was issued. */
    boolean tick(long clk) {
        if (pending.size() >= PENDING_BATCH) {
            // completing early changes nothing (reads complete in issue order, each no earlier than its data) and
            // keeps the pending reads few
            pending.complete(clk);
        }
        if (refresh.due(clk)) {
            for (int r = 0; r < dev.ranks; r++) {
                pushPriority(KIND_REFRESH, r, -1, -1, -1);
            }
        }
        int src = SRC_NONE;
        int pos = -1;
        int cmd = -1;
        // 1. requests whose row is being opened for them
        if (asize > 0 && clk >= aBound) {
            long min = Long.MAX_VALUE;
            int best = -1;
            int bestCmd = -1;
            boolean bestReady = false;
            for (int i = 0; i < asize; i++) {
                int id = abuf[i];
                int c = nextCommand(id);
                long at = readyOf(c, id);
                min = Math.min(min, at);
                boolean ready = at <= clk;
                if (best < 0 || (ready != bestReady ? ready : q.arrive(id) < q.arrive(abuf[best]))) {
                    best = i;
                    bestCmd = c;
                    bestReady = ready;
                }
            }
            if (bestReady) {
                src = SRC_ACTIVE;
                pos = best;
                cmd = bestCmd;
            } else {
                aBound = min;
            }
        }
        if (src == SRC_NONE) {
            if (pSize > 0) {
                // 2. maintenance first; it blocks the queues until it can issue
                int c = priorityCommand();
                if (dev.readyAt(c, pRank[pHead], pBg[pHead], pBank[pHead]) > clk) {
                    return false;
                }
                src = SRC_PRIORITY;
                cmd = c;
            } else {
                // 3. read or write queue, as the scheduler picks
                updateWriteMode();
                BankQueue buf = writeMode ? wq : rq;
                int fin = writeMode ? WR : RD;
                if (clk < buf.notBefore) {
                    return false;
                }
                int best = scheduler.pick(clk, buf, fin);
                if (best < 0) {
                    buf.notBefore = scheduler.min();
                    return false;
                }
                src = writeMode ? SRC_WRITE : SRC_READ;
                pos = best;
                cmd = nextCommand(best);
                // until a command changes offers, the next pick finds nothing before the next offer is ready (the
                // issue below lowers the bound by the offers it changes; without per-bank offers it resets it)
                buf.notBefore = scheduler.anotherReady() ? clk + 1 : scheduler.min();
            }
        }
        // a precharge may not close a row an activated request is waiting for
        if (cmd == PRE || cmd == PREA) {
            int rank, bank;
            if (src == SRC_PRIORITY) {
                rank = pRank[pHead];
                bank = cmd == PREA ? -1 : pBank[pHead];
            } else {
                int id = idAt(src, pos);
                rank = q.rank(id);
                bank = q.bankFlat(id);
            }
            if (bank < 0 ? activeOnRank[rank] > 0 : activeOnBank[bank] > 0) {
                if (src == SRC_READ || src == SRC_WRITE) {
                    // held back until a command issues or an older request of the queue becomes ready: no earlier
                    // than the queue's earliest not-ready command, or the next command
                    BankQueue buf = src == SRC_WRITE ? wq : rq;
                    buf.notBefore = scheduler.min();
                    heldBack = buf;
                }
                return false;
            }
        }
        issue(src, pos, cmd, clk);
        return true;
    }

    private int idAt(int src, int pos) {
        return src == SRC_ACTIVE ? abuf[pos] : pos;
    }

    private void issue(int src, int pos, int cmd, long clk) {
        if (src == SRC_PRIORITY) {
            int rank = pRank[pHead];
            int bg = pBg[pHead];
            int bank = pBank[pHead];
            int row = pRow[pHead];
            applyRowPolicy(cmd, rank, bank);
            emit(cmd, rank, bg, bank, Math.max(row, 0), 0, clk);
            int fin = pKind[pHead] == KIND_REFRESH ? REF : PRE;
            if (cmd == fin) {
                pHead = (pHead + 1) % pKind.length;
                pSize--;
            }
            return;
        }
        int id = idAt(src, pos);
        int fin = q.write(id) ? WR : RD;
        if (!q.classified(id)) {
            q.classify(id);
            rowOutcomes.count(q.write(id), dev.openRow[q.bankFlat(id)], q.row(id));
        }
        applyRowPolicy(cmd, q.rank(id), q.bankFlat(id));
        int issued = cmd == fin && rowPolicy.autoPrecharge() && activeOnBank[q.bankFlat(id)] <= (src == SRC_ACTIVE ? 1 : 0)
                ? (fin == RD ? RDA : WRA) : cmd;
        emit(issued, q.rank(id), q.bgFlat(id), q.bankFlat(id), q.row(id), q.column(id), clk);
        if (cmd == fin) {
            if (fin == RD) {
                pending.push(clk + readLatency, q.arrive(id));
            }
            remove(src, pos);
            q.release(id);
        } else if (cmd == ACT) {
            if (asize <= maxSize) {
                abuf[asize++] = id;
                activeOnBank[q.bankFlat(id)]++;
                activeOnRank[q.rank(id)]++;
                aBound = Math.min(aBound, readyOf(id));
                remove(src, pos);
            }
        }
    }

    private void emit(int cmd, int rank, int bgFlat, int bankFlat, int row, int column, long clk) {
        dev.issue(cmd, rank, bgFlat, bankFlat, row, clk);
        if (heldBack != null) {
            heldBack.notBefore = Long.MIN_VALUE;
            heldBack = null;
        }
        if (!perBankOffers) {
            rq.notBefore = Long.MIN_VALUE;
            wq.notBefore = Long.MIN_VALUE;
        }
        SimCommand k = SimCommand.ALL[cmd];
        if (k.opening || k.closing) {
            int from = k.rankScope ? rank * dev.banksPerRank : bankFlat;
            int to = k.rankScope ? from + dev.banksPerRank : bankFlat + 1;
            for (int b = from; b < to; b++) {
                rq.rowChanged(b, dev.openRow[b]);
                wq.rowChanged(b, dev.openRow[b]);
                offersChanged(rq, RD, b);
                offersChanged(wq, WR, b);
            }
        }
        commandCounts[cmd]++;
        if (listener != null) {
            boolean rankWide = cmd == PREA || cmd == REF;
            int bankInRank = rankWide ? 0 : bankFlat - rank * dev.banksPerRank;
            listener.command(clk, channelId, SimCommand.ALL[cmd], rank, rankWide ? 0 : bankInRank / banksPerGroup,
                    bankInRank, rankWide ? 0 : row, SimCommand.ALL[cmd].accessing ? column * 8 : 0);
        }
    }

    /** Tells the row policy of {@code cmd}; queues the close-row precharge it asks for. */
    private void applyRowPolicy(int cmd, int rank, int bankFlat) {
        if (rowPolicy.closeAfter(cmd, rank, bankFlat)) {
            int bankInRank = bankFlat - rank * dev.banksPerRank;
            pushPriority(KIND_CLOSE, rank, rank * bankGroups + bankInRank / banksPerGroup, bankFlat,
                    dev.openRow[bankFlat]);
        }
    }

    private void remove(int src, int pos) {
        switch (src) {
            case SRC_ACTIVE -> {
                activeOnBank[q.bankFlat(abuf[pos])]--;
                activeOnRank[q.rank(abuf[pos])]--;
                System.arraycopy(abuf, pos + 1, abuf, pos, asize - pos - 1);
                if (--asize == 0) {
                    aBound = Long.MAX_VALUE;
                }
            }
            case SRC_READ -> {
                rq.remove(pos, q.bankFlat(pos), dev.openRow[q.bankFlat(pos)]);
                offersChanged(rq, RD, q.bankFlat(pos));
            }
            case SRC_WRITE -> {
                int at = java.util.Arrays.binarySearch(wq.ids, 0, wq.size, pos);
                forwarding.removed(at, wq.size);
                wq.remove(pos, q.bankFlat(pos), dev.openRow[q.bankFlat(pos)]);
                offersChanged(wq, WR, q.bankFlat(pos));
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * Lowers {@code buf}'s bound ({@link BankQueue#notBefore}) to the ready cycles of {@code bank}'s offers, which have
     * just changed (the other banks' ready cycles only grew); {@code fin}: the queue's column command.
     */
    private void offersChanged(BankQueue buf, int fin, int bank) {
        long t = buf.notBefore;
        if (t == Long.MIN_VALUE) {
            return;
        }
        int rank = bank / dev.banksPerRank;
        if (buf.hitId[bank] != BankScan.NONE) {
            t = Math.min(t, dev.nextReadyAt(fin, rank, bank));
        }
        if (buf.otherId[bank] != BankScan.NONE) {
            t = Math.min(t, dev.nextReadyAt(dev.openRow[bank] < 0 ? ACT : PRE, rank, bank));
        }
        buf.notBefore = t;
    }

    /** Ready cycle of request {@code id}'s next command. */
    private long readyOf(int id) {
        return readyOf(nextCommand(id), id);
    }

    /** Ready cycle of command {@code cmd}, request {@code id}'s next command ({@link #nextCommand}). */
    private long readyOf(int cmd, int id) {
        return dev.nextReadyAt(cmd, q.rank(id), q.bankFlat(id));
    }

    /** The command request {@code id} needs next, from its bank's row state. */
    private int nextCommand(int id) {
        int open = dev.openRow[q.bankFlat(id)];
        if (open < 0) {
            return ACT;
        }
        if (open == q.row(id)) {
            return q.write(id) ? WR : RD;
        }
        return PRE;
    }

    private int priorityCommand() {
        if (pKind[pHead] == KIND_REFRESH) {
            return dev.openBanks[pRank[pHead]] > 0 ? PREA : REF;
        }
        return PRE;
    }

    private void updateWriteMode() {
        if (!writeMode) {
            if (wq.size > highMark || rq.size == 0) {
                writeMode = true;
            }
        } else if (wq.size < lowMark && rq.size != 0) {
            writeMode = false;
        }
    }

    /** The earliest cycle after {@code clk} at which a command may become ready (refresh included). */
    long nextEvent(long clk) {
        long t = refresh.next();
        if (aBound > clk) {
            t = Math.min(t, aBound);
        } else {
            for (int i = 0; i < asize; i++) {
                t = earliest(t, abuf[i], clk);
            }
        }
        if (pSize > 0) {
            // the priority head blocks both queues until it issues
            long r = dev.readyAt(priorityCommand(), pRank[pHead], pBg[pHead], pBank[pHead]);
            return r > clk && r < t ? r : t;
        }
        // only the queue the write-drain mode selects can issue; the mode changes only with queue sizes
        boolean mode = writeMode;
        if (!mode) {
            mode = wq.size > highMark || rq.size == 0;
        } else if (wq.size < lowMark && rq.size != 0) {
            mode = false;
        }
        if (mode) {
            if (wq.notBefore > clk) {
                return Math.min(t, wq.notBefore);
            }
            for (int i = 0; i < wq.size; i++) {
                t = earliest(t, wq.ids[i], clk);
            }
        } else {
            if (rq.notBefore > clk) {
                return Math.min(t, rq.notBefore);
            }
            for (int i = 0; i < rq.size; i++) {
                t = earliest(t, rq.ids[i], clk);
            }
        }
        return t;
    }

    private long earliest(long t, int id, long clk) {
        long r = readyOf(id);
        return r > clk && r < t ? r : t;
    }

    /** Whether any request is still queued or in flight. */
    boolean busy() {
        return rq.size + wq.size + asize + pending.size() > 0;
    }

    /** Requests waiting in the read, write and active buffers. */
    int queued() {
        return rq.size + wq.size + asize;
    }

    /** Completes pending reads up to cycle {@code clk} ({@link PendingReads#complete}). */
    void completeReads(long clk) {
        pending.complete(clk);
    }

    private static int[] unroll(int[] ring, int head, int size) {
        int[] out = new int[ring.length * 2];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(head + i) % ring.length];
        }
        return out;
    }

    private void pushPriority(int kind, int rank, int bgFlat, int bankFlat, int row) {
        if (pSize == pKind.length) {
            pKind = unroll(pKind, pHead, pSize);
            pRank = unroll(pRank, pHead, pSize);
            pBg = unroll(pBg, pHead, pSize);
            pBank = unroll(pBank, pHead, pSize);
            pRow = unroll(pRow, pHead, pSize);
            pHead = 0;
        }
        int tail = (pHead + pSize) % pKind.length;
        pKind[tail] = kind;
        pRank[tail] = rank;
        pBg[tail] = bgFlat;
        pBank[tail] = bankFlat;
        pRow[tail] = row;
        pSize++;
    }
}
