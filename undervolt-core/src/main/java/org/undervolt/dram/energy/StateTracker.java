package org.undervolt.dram.energy;

import java.util.Arrays;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Timings;
import org.undervolt.dram.trace.Command;
import org.undervolt.dram.trace.CommandSink;
import org.undervolt.dram.trace.CommandTrace;

/**
 * Walks a command trace and counts commands and the cycles each rank spends active (≥ 1 bank open),
 * precharged, in power-down and in self refresh, plus per-bank active cycles.
 *
 * <p>Rules (DRAMPower 4.1 {@code CommandAnalysis.cc}, DRAMPower 5.1 {@code standards/ddr4/DDR4.cpp}):
 * <ul>
 *   <li>A bank is active from its ACT's cycle up to (not including) the cycle of the PRE/PREA that closes it;
 *       a PRE to a precharged bank is ignored. An RDA closes its bank at max(ACT + tRAS, RDA + AL + tRTP), a WRA
 *       at max(ACT + tRAS, WRA + WL + BL/2 + tWR).</li>
 *   <li>An all-bank refresh at t is active for tRFC (5.1, every bank active) or for tRFC − tRP followed by
 *       precharged time (4.1).</li>
 *   <li>Power-down (PDEA/PDEP … PDXA/PDXP) cycles are counted apart and excluded from active, precharged and
 *       per-bank active time; the exit state is the entry state. Entry is taken at the command's cycle.</li>
 *   <li>Self refresh, 5.1: SREFEN implies an all-bank refresh (counted, active for tRFC), then self refresh
 *       until SREFEX. 4.1: self refresh from SREFEN to SREFEX, of which the first tRFC is the entry refresh
 *       (tRFC − tRP active-refresh, tRP precharged-refresh cycles) and the rest draws IDD6; an exit before tRFC
 *       leaves the rest of the entry refresh running after the exit ({@link StateCycles#srefRefAfterExit}).</li>
 *   <li>The window ends at the END cycle, plus tRP − 1 cycles for 4.1 (its "Total Trace Length" in every
 *       golden case).</li>
 * </ul>
 * Column commands to a precharged bank and refreshes / self-refresh entries with banks open are protocol
 * errors. Power-down and self refresh are not exercised by the golden cases; their accounting follows the
 * tools' source as read, without a golden check.
 *
 * <p>The tracker is a {@link CommandSink}: commands are accounted as they arrive ({@link #of} and
 * {@link #finish}), so a trace streamed from a file is never held; {@link #track} replays a held trace.
 */
public final class StateTracker implements CommandSink {
    private static final int ACT = Command.ACT.ordinal();
    private static final int PRE = Command.PRE.ordinal();
    private static final int PREA = Command.PREA.ordinal();
    private static final int RD = Command.RD.ordinal();
    private static final int WR = Command.WR.ordinal();
    private static final int RDA = Command.RDA.ordinal();
    private static final int WRA = Command.WRA.ordinal();
    private static final int REFA = Command.REFA.ordinal();
    private static final int NOP = Command.NOP.ordinal();

    private enum Mode { NORMAL, PDN_ACT, PDN_PRE, SREF }

    /** Per-rank walking state. */
    private static final class Rank {
        final long[] openSince;
        final long[] closeAt;
        int open;
        int pending;
        long last;
        long refreshUntil;
        Mode mode = Mode.NORMAL;
        boolean slow;
        long modeSince;

        Rank(int banks) {
            openSince = new long[banks];
            closeAt = new long[banks];
            Arrays.fill(openSince, -1);
            Arrays.fill(closeAt, -1);
        }
    }

    private final boolean legacy;
    private final int banks;
    private final long rfc;
    private final long rp;
    private long act;
    private long pre;
    private long rd;
    private long wr;
    private long rda;
    private long wra;
    private long ref;
    private long activeCycles;
    private long prechargedCycles;
    private long bankActiveCycles;
    private long pdnActFast;
    private long pdnActSlow;
    private long pdnPreFast;
    private long pdnPreSlow;
    private long selfRefresh;
    private long srefEntries;
    private long srefIdd6;
    private long srefRefAct;
    private long srefRefPre;
    private long srefRefAfterExit;

    private final String source;
    private final long refreshActive;
    private final long rdaDelay;
    private final long wraDelay;
    private final int ras;
    private final Rank[] ranks;
    /** Commands seen (END excluded), the last one's cycle, and the END cycle (-1 before END). */
    private long seen;
    private long lastCycle;
    private long endCycle = -1;

    private StateTracker(DramSpec spec, EnergyCounting counting, String source) {
        this.legacy = counting == EnergyCounting.DRAMPOWER_4_1;
        this.banks = spec.organization().banks();
        this.rfc = spec.timings().rfc();
        this.rp = spec.timings().rp();
        this.source = source;
        Organization o = spec.organization();
        Timings tm = spec.timings();
        refreshActive = legacy ? Math.max(0, rfc - rp) : rfc;
        rdaDelay = tm.firstOf("AL") + tm.firstOf("RTP");
        wraDelay = tm.firstOf("WL") + o.burstCycles() + tm.firstOf("WR");
        ras = tm.ras();
        ranks = new Rank[o.ranks()];
        for (int r = 0; r < ranks.length; r++) {
            ranks[r] = new Rank(banks);
        }
    }

    /** A tracker to stream the commands of trace {@code source} (named in messages) into; then {@link #finish}. */
    public static StateTracker of(DramSpec spec, EnergyCounting counting, String source) {
        return new StateTracker(spec, counting, source);
    }

    /** Counts of a held trace. */
    public static StateCycles track(CommandTrace trace, DramSpec spec, EnergyCounting counting) {
        StateTracker t = new StateTracker(spec, counting, trace.source());
        trace.replay(t);
        return t.finish();
    }

    @Override
    public void command(long t, Command cmd, int rankIndex, int b, boolean slowExit, int line) {
        int c = cmd.ordinal();
        if (cmd == Command.END) {
            endCycle = t;
            return;
        }
        long index = seen++;
        lastCycle = t;
        if (c == NOP) {
            return;
        }
        Rank rk = ranks[rankIndex];
        advance(rk, t);
        if (c == ACT) {
            if (rk.openSince[b] < 0) {
                rk.openSince[b] = t;
                rk.open++;
            }
            act++;
        } else if (c == PRE) {
            if (rk.openSince[b] >= 0) {
                close(rk, b, t);
                pre++;
            }
        } else if (c == PREA) {
            for (int k = 0; k < banks; k++) {
                if (rk.openSince[k] >= 0) {
                    close(rk, k, t);
                    pre++;
                }
            }
        } else if (c == RD || c == WR || c == RDA || c == WRA) {
            if (rk.openSince[b] < 0 || rk.closeAt[b] >= 0) {
                throw protocol(line, index, t, cmd, rankIndex, b, "bank " + b + " is precharged, expected an ACT before the column command");
            }
            if (c == RD) {
                rd++;
            } else if (c == WR) {
                wr++;
            } else if (c == RDA) {
                rda++;
                schedule(rk, b, Math.max(t + rdaDelay, rk.openSince[b] + ras));
            } else {
                wra++;
                schedule(rk, b, Math.max(t + wraDelay, rk.openSince[b] + ras));
            }
        } else if (c == REFA) {
            requireClosed(line, index, t, cmd, rankIndex, b, rk, "a refresh");
            ref++;
            rk.refreshUntil = t + refreshActive;
        } else {
            switch (cmd) {
                case PDEA, PDEP -> {
                    rk.mode = cmd == Command.PDEA ? Mode.PDN_ACT : Mode.PDN_PRE;
                    rk.slow = slowExit;
                    rk.modeSince = t;
                }
                case SREFEN -> {
                    requireClosed(line, index, t, cmd, rankIndex, b, rk, "self refresh");
                    srefEntries++;
                    rk.mode = Mode.SREF;
                    rk.modeSince = t;
                    if (!legacy) {
                        ref++;
                        rk.refreshUntil = t + rfc;
                    }
                }
                case PDXA, PDXP, SREFEX -> exit(rk, t);
                default -> throw protocol(line, index, t, cmd, rankIndex, b, "command " + cmd
                        + " is not supported by Undervolt's energy model (supported: ACT PRE PREA RD WR RDA WRA REF(A) "
                        + "PDEA PDXA PDEP PDXP SREFEN SREFEX NOP END)");
            }
        }
    }

    /**
     * The counts up to the END cycle (the last command's cycle when there was no END, 0 for no command), plus
     * tRP − 1 cycles for DRAMPower 4.1; call once, after the last command.
     */
    public StateCycles finish() {
        long end = (endCycle >= 0 ? endCycle : seen == 0 ? 0 : lastCycle) + (legacy ? Math.max(0, rp - 1) : 0);
        for (Rank rk : ranks) {
            end = Math.max(end, rk.last);
        }
        for (Rank rk : ranks) {
            advance(rk, end);
            exit(rk, end);
            for (int k = 0; k < banks; k++) {
                if (rk.openSince[k] >= 0) {
                    bankActiveCycles += end - rk.openSince[k];
                }
            }
        }
        return new StateCycles(act, pre, rd, wr, rda, wra, ref, activeCycles, prechargedCycles, bankActiveCycles,
                pdnActFast, pdnActSlow, pdnPreFast, pdnPreSlow, selfRefresh, srefEntries, srefIdd6, srefRefAct,
                srefRefPre, srefRefAfterExit, end);
    }

    private void requireClosed(int line, long index, long t, Command cmd, int rank, int bank, Rank rk, String what) {
        if (rk.open > 0) {
            throw protocol(line, index, t, cmd, rank, bank, rk.open + " bank(s) open, expected all banks precharged before " + what);
        }
    }

    /** Leaves power-down / self refresh at {@code t} (no-op in normal mode). */
    private void exit(Rank rk, long t) {
        if (rk.mode == Mode.NORMAL) {
            return;
        }
        long d = t - rk.modeSince;
        if (rk.mode == Mode.SREF && legacy) {
            long refAct = Math.min(d, Math.max(0, rfc - rp));
            long refPre = Math.min(d - refAct, rp);
            srefRefAct += refAct;
            srefRefPre += refPre;
            srefIdd6 += d - refAct - refPre;
            srefRefAfterExit += Math.max(0, rfc - d);
        }
        if (rk.mode != Mode.SREF) {
            for (int k = 0; k < banks; k++) {
                if (rk.openSince[k] >= 0) {
                    rk.openSince[k] += d; // power-down time is not bank-active time
                }
            }
        }
        rk.mode = Mode.NORMAL;
    }

    private InvalidInputException protocol(int line, long index, long t, Command cmd, int rank, int bank, String what) {
        return new InvalidInputException(CommandSink.where(source, line, index, t) + ": " + cmd + " at cycle " + t
                + " (rank " + rank + ", bank " + bank + "): " + what);
    }

    private static void schedule(Rank rk, int b, long at) {
        rk.closeAt[b] = at;
        rk.pending++;
    }

    private void close(Rank rk, int b, long t) {
        bankActiveCycles += Math.max(0, t - rk.openSince[b]);
        rk.openSince[b] = -1;
        if (rk.closeAt[b] >= 0) {
            rk.closeAt[b] = -1;
            rk.pending--;
        }
        rk.open--;
    }

    /** Accounts rank time up to {@code t}, applying auto-precharges due on the way. */
    private void advance(Rank rk, long t) {
        while (rk.pending > 0) {
            int first = -1;
            for (int k = 0; k < banks; k++) {
                if (rk.closeAt[k] >= 0 && (first < 0 || rk.closeAt[k] < rk.closeAt[first])) {
                    first = k;
                }
            }
            long at = rk.closeAt[first];
            if (at > t) {
                break;
            }
            accrue(rk, at);
            close(rk, first, at); // its PRE energy is counted with the RDA/WRA
        }
        accrue(rk, t);
    }

    private void accrue(Rank rk, long t) {
        while (rk.last < t) {
            long span;
            if (rk.refreshUntil > rk.last) {
                span = Math.min(t, rk.refreshUntil) - rk.last;
                activeCycles += span;
                bankActiveCycles += span * banks;
            } else if (rk.mode != Mode.NORMAL) {
                span = t - rk.last;
                switch (rk.mode) {
                    case PDN_ACT -> {
                        if (rk.slow) {
                            pdnActSlow += span;
                        } else {
                            pdnActFast += span;
                        }
                    }
                    case PDN_PRE -> {
                        if (rk.slow) {
                            pdnPreSlow += span;
                        } else {
                            pdnPreFast += span;
                        }
                    }
                    default -> selfRefresh += span;
                }
            } else {
                span = t - rk.last;
                if (rk.open > 0) {
                    activeCycles += span;
                } else {
                    prechargedCycles += span;
                }
            }
            rk.last += span;
        }
    }
}
