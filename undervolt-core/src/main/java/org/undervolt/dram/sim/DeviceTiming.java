package org.undervolt.dram.sim;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.undervolt.dram.spec.Organization;

/**
 * Timing and row-buffer state of the DRAM devices of one channel: for every node of the hierarchy
 * (channel, rank, bank group, bank) and every command, the earliest cycle the command may issue there, and
 * which row each bank has open.
 *
 * <p>Issuing a command raises the ready cycles of the commands it constrains ({@link TimingConstraints}) at
 * the target node of each level and, for sibling constraints, at the other ranks; a rank-wide command (PREA,
 * REF) targets every bank group and bank of its rank. A command is ready when the current cycle has reached
 * the ready cycle at every level down to its scope (the rank for PREA and REF, the bank otherwise).
 */
final class DeviceTiming {
    private static final int NC = SimCommand.COUNT;

    /** Raise a node's NC ready cycles in vector lanes when they fill whole vectors (see {@link BankScan#VECTOR_PAYS}). */
    private static final boolean VECTOR_RAISE = BankScan.VECTOR_PAYS && NC % VectorLanes.length() == 0;

    final int ranks;
    final int bankGroups;
    final int banksPerGroup;
    final int banksPerRank;

    private final long[] chReady = new long[NC];
    private final long[] rankReady;
    private final long[] bgReady;
    private final long[] bankReady;

    /**
     * Per flat bank, the bank-group and bank-level part of the ready cycle ({@link #bankLevelReady}) of RD, of WR
     * and of its next row command (ACT if the bank is closed, else PRE), kept up to date by {@link #issue} so a
     * scheduler scanning every bank reads one value per command.
     */
    final long[] rdAtBank, wrAtBank, otherAtBank;
    /** Per flat bank: -1 if closed, 0 if a row is open (a lane mask for {@link BankScan}). */
    final long[] closedMask;

    /** Row open in each bank (rank * banksPerRank + bank), -1 when closed. */
    final int[] openRow;
    /** Open banks per rank. */
    final int[] openBanks;

    // compiled constraints: [level][preceding] -> following/latency/window, and sibling following/latency
    private final int[][][] fol = new int[4][NC][];
    private final int[][][] lat = new int[4][NC][];
    private final int[][][] win = new int[4][NC][];
    private final int[][][] sibFol = new int[4][NC][];
    private final int[][][] sibLat = new int[4][NC][];
    /**
     * The non-windowed constraints merged: deltaFlat[(level * NC + preceding) * NC + following] = the largest
     * latency, or NONE; a command then raises the NC ready cycles of a node in one pass (raising by the maximum
     * equals raising by each).
     */
    private final long[] deltaFlat = new long[4 * NC * NC];
    /** The same, listing per (level * NC + preceding) only the commands raised and by how much (the scalar raise). */
    private final int[][] raisedCmd = new int[4 * NC][];
    private final long[][] raisedBy = new long[4 * NC][];
    // per (level * NC + preceding): any non-windowed / windowed constraint
    private final boolean[] any = new boolean[4 * NC];
    private final boolean[] windowed = new boolean[4 * NC];
    /** Per command: bit f set if it may raise the bank-group ready cycle of command f. */
    private final int[] groupRaises = new int[NC];
    private static final long NONE = Long.MIN_VALUE / 4;
    // issue history of windowed commands, per (level * NC + command): node * maxWindow entries, newest first
    private final int[] window = new int[4 * NC];
    private final long[][] history = new long[4 * NC][];

    /** tRCD per flat bank when banks differ (the constraint table then carries tRCD = 1), else null. */
    private final int[] rcd;

    DeviceTiming(Organization org, List<TimingConstraints.Constraint> constraints) {
        this(org, constraints, null);
    }

    /**
     * {@code rcd}: tRCD per flat bank of the channel, or null; when given, {@code constraints} must have been built
     * with tRCD = 1 so the per-bank value is the binding one.
     */
    DeviceTiming(Organization org, List<TimingConstraints.Constraint> constraints, int[] rcd) {
        this.rcd = rcd;
        this.ranks = org.ranks();
        this.bankGroups = org.bankGroups();
        this.banksPerGroup = org.banksPerGroup();
        this.banksPerRank = org.banks();
        rankReady = new long[ranks * NC];
        bgReady = new long[ranks * bankGroups * NC];
        bankReady = new long[ranks * banksPerRank * NC];
        Arrays.fill(chReady, -1);
        Arrays.fill(rankReady, -1);
        Arrays.fill(bgReady, -1);
        Arrays.fill(bankReady, -1);
        rdAtBank = new long[ranks * banksPerRank];
        wrAtBank = new long[ranks * banksPerRank];
        Arrays.fill(rdAtBank, -1);
        Arrays.fill(wrAtBank, -1);
        otherAtBank = new long[ranks * banksPerRank];
        Arrays.fill(otherAtBank, -1);
        closedMask = new long[ranks * banksPerRank];
        Arrays.fill(closedMask, -1);
        openRow = new int[ranks * banksPerRank];
        Arrays.fill(openRow, -1);
        openBanks = new int[ranks];
        int[] nodes = {1, ranks, ranks * bankGroups, ranks * banksPerRank};
        for (int level = 0; level < 4; level++) {
            for (SimCommand p : SimCommand.ALL) {
                final int lv = level;
                List<TimingConstraints.Constraint> own = constraints.stream()
                        .filter(c -> c.level() == lv && c.preceding() == p && !c.sibling()).toList();
                List<TimingConstraints.Constraint> sib = constraints.stream()
                        .filter(c -> c.level() == lv && c.preceding() == p && c.sibling()).toList();
                fol[level][p.ordinal()] = own.stream().mapToInt(c -> c.following().ordinal()).toArray();
                lat[level][p.ordinal()] = own.stream().mapToInt(TimingConstraints.Constraint::latency).toArray();
                win[level][p.ordinal()] = own.stream().mapToInt(TimingConstraints.Constraint::window).toArray();
                sibFol[level][p.ordinal()] = sib.stream().mapToInt(c -> c.following().ordinal()).toArray();
                sibLat[level][p.ordinal()] = sib.stream().mapToInt(TimingConstraints.Constraint::latency).toArray();
                long[] d = new long[NC];
                Arrays.fill(d, NONE);
                for (TimingConstraints.Constraint c : own) {
                    if (level == 2) {
                        groupRaises[p.ordinal()] |= 1 << c.following().ordinal();
                    }
                    if (c.window() <= 1) {
                        d[c.following().ordinal()] = Math.max(d[c.following().ordinal()], c.latency());
                        any[level * NC + p.ordinal()] = true;
                    } else {
                        windowed[level * NC + p.ordinal()] = true;
                    }
                }
                System.arraycopy(d, 0, deltaFlat, (level * NC + p.ordinal()) * NC, NC);
                int[] raised = IntStream.range(0, NC).filter(f -> d[f] != NONE).toArray();
                raisedCmd[level * NC + p.ordinal()] = raised;
                raisedBy[level * NC + p.ordinal()] = Arrays.stream(raised).mapToLong(f -> d[f]).toArray();
                int w = own.stream().mapToInt(TimingConstraints.Constraint::window).max().orElse(1);
                window[level * NC + p.ordinal()] = w;
                if (w > 1) {
                    history[level * NC + p.ordinal()] = new long[nodes[level] * w];
                    Arrays.fill(history[level * NC + p.ordinal()], -1);
                }
            }
        }
    }

    /** Earliest cycle {@code cmd} may issue to the bank (or, for PREA/REF, the rank); ready iff clk >= it. */
    long readyAt(int cmd, int rank, int bgFlat, int bankFlat) {
        long t = chReady[cmd];
        long r = rankReady[rank * NC + cmd];
        if (r > t) {
            t = r;
        }
        if (cmd == SimCommand.PREA.ordinal() || cmd == SimCommand.REF.ordinal()) {
            return t;
        }
        long g = bgReady[bgFlat * NC + cmd];
        if (g > t) {
            t = g;
        }
        long b = bankReady[bankFlat * NC + cmd];
        return b > t ? b : t;
    }

    /**
     * Earliest cycle of a bank's next command {@code cmd}: RD or WR (a row hit), ACT if the bank is closed, PRE if
     * it has a row open (another command gives a wrong answer); from the per-bank parts, so {@link #readyAt}'s equal.
     */
    long nextReadyAt(int cmd, int rank, int bankFlat) {
        long part = cmd == RD ? rdAtBank[bankFlat] : cmd == WR ? wrAtBank[bankFlat] : otherAtBank[bankFlat];
        return Math.max(rankLevelReady(cmd, rank), part);
    }

    /** Earliest cycle for {@code cmd} at the channel and rank levels (the part banks of a rank share). */
    long rankLevelReady(int cmd, int rank) {
        long t = chReady[cmd];
        long r = rankReady[rank * NC + cmd];
        return r > t ? r : t;
    }

    /** Earliest cycle for bank-scoped {@code cmd} at the bank-group and bank levels. */
    long bankLevelReady(int cmd, int bgFlat, int bankFlat) {
        long g = bgReady[bgFlat * NC + cmd];
        long b = bankReady[bankFlat * NC + cmd];
        return b > g ? b : g;
    }

    /**
     * Issues {@code cmd} at {@code clk}: updates ready cycles and row-buffer state. {@code bgFlat} and
     * {@code bankFlat} are ignored for PREA and REF.
     */
    void issue(int cmd, int rank, int bgFlat, int bankFlat, int row, long clk) {
        boolean rankWide = cmd == SimCommand.PREA.ordinal() || cmd == SimCommand.REF.ordinal();
        apply(CHANNEL_LEVEL, 0, chReady, cmd, clk);
        for (int r = 0; r < ranks; r++) {
            if (r == rank) {
                apply(1, r, rankReady, cmd, clk);
            } else {
                int[] f = sibFol[1][cmd];
                int[] l = sibLat[1][cmd];
                for (int i = 0; i < f.length; i++) {
                    raise(rankReady, r * NC + f[i], clk + l[i]);
                }
            }
        }
        if (rankWide) {
            for (int g = 0; g < bankGroups; g++) {
                apply(2, rank * bankGroups + g, bgReady, cmd, clk);
            }
            for (int b = 0; b < banksPerRank; b++) {
                apply(3, rank * banksPerRank + b, bankReady, cmd, clk);
            }
        } else {
            apply(2, bgFlat, bgReady, cmd, clk);
            apply(3, bankFlat, bankReady, cmd, clk);
            if (rcd != null && cmd == SimCommand.ACT.ordinal()) {
                long t = clk + rcd[bankFlat];
                raise(bankReady, bankFlat * NC + SimCommand.RD.ordinal(), t);
                raise(bankReady, bankFlat * NC + SimCommand.RDA.ordinal(), t);
                raise(bankReady, bankFlat * NC + SimCommand.WR.ordinal(), t);
                raise(bankReady, bankFlat * NC + SimCommand.WRA.ordinal(), t);
            }
        }
        switch (SimCommand.ALL[cmd]) {
            case ACT -> {
                if (openRow[bankFlat] < 0) {
                    openBanks[rank]++;
                }
                openRow[bankFlat] = row;
            }
            case PRE, RDA, WRA -> close(rank, bankFlat);
            case PREA -> {
                for (int b = 0; b < banksPerRank; b++) {
                    close(rank, rank * banksPerRank + b);
                }
            }
            default -> {
            }
        }
        if (rankWide) {
            updateBankParts(rank * banksPerRank, banksPerRank);
        } else {
            updateBankParts(bankFlat, 1);
            int raised = groupRaises[cmd];
            if (raised != 0) {
                // the other banks of the group: only the group's ready cycles rose, so raising to them is exact
                int g = bgFlat * NC;
                int from = bgFlat * banksPerGroup, end = from + banksPerGroup;
                if ((raised & (1 << RD)) != 0) {
                    raiseParts(rdAtBank, from, end, bgReady[g + RD]);
                }
                if ((raised & (1 << WR)) != 0) {
                    raiseParts(wrAtBank, from, end, bgReady[g + WR]);
                }
                if ((raised & (1 << ACT | 1 << PRE)) != 0) {
                    long gAct = bgReady[g + ACT], gPre = bgReady[g + PRE];
                    for (int b = from; b < end; b++) {
                        otherAtBank[b] = Math.max(otherAtBank[b], openRow[b] < 0 ? gAct : gPre);
                    }
                }
            }
        }
    }

    private static final int CHANNEL_LEVEL = 0;
    private static final int ACT = SimCommand.ACT.ordinal(), PRE = SimCommand.PRE.ordinal(),
            RD = SimCommand.RD.ordinal(), WR = SimCommand.WR.ordinal();

    private static void raiseParts(long[] part, int from, int end, long t) {
        for (int b = from; b < end; b++) {
            part[b] = Math.max(part[b], t);
        }
    }

    /** Recomputes the bank-level ready parts of flat banks {@code from} .. {@code from + n - 1}. */
    private void updateBankParts(int from, int n) {
        for (int b = from; b < from + n; b++) {
            int g = b / banksPerGroup;
            rdAtBank[b] = bankLevelReady(RD, g, b);
            wrAtBank[b] = bankLevelReady(WR, g, b);
            otherAtBank[b] = bankLevelReady(openRow[b] < 0 ? ACT : PRE, g, b);
            closedMask[b] = openRow[b] < 0 ? -1 : 0;
        }
    }

    private void close(int rank, int bankFlat) {
        if (openRow[bankFlat] >= 0) {
            openRow[bankFlat] = -1;
            openBanks[rank]--;
        }
    }

    private void apply(int level, int node, long[] ready, int cmd, long clk) {
        int k = level * NC + cmd;
        int w = window[k];
        long[] h = history[k];
        if (h != null) {
            int base = node * w;
            System.arraycopy(h, base, h, base + 1, w - 1);
            h[base] = clk;
        }
        if (any[k]) {
            long[] d = deltaFlat;
            int dBase = k * NC;
            int base = node * NC;
            if (VECTOR_RAISE) {
                VectorLanes.raise(d, dBase, clk, ready, base, NC);
            } else {
                int[] f = raisedCmd[k];
                long[] by = raisedBy[k];
                for (int i = 0; i < f.length; i++) {
                    raise(ready, base + f[i], clk + by[i]);
                }
            }
        }
        if (windowed[k]) {
            int[] f = fol[level][cmd];
            int[] l = lat[level][cmd];
            int[] ws = win[level][cmd];
            for (int i = 0; i < f.length; i++) {
                if (ws[i] > 1) {
                    long past = h[node * w + ws[i] - 1];
                    if (past >= 0) {
                        raise(ready, node * NC + f[i], past + l[i]);
                    }
                }
            }
        }
    }

    private static void raise(long[] ready, int idx, long t) {
        if (t > ready[idx]) {
            ready[idx] = t;
        }
    }
}
