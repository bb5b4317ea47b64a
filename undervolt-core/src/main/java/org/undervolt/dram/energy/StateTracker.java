package org.undervolt.dram.energy;

import java.util.Arrays;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Timings;
import org.undervolt.dram.trace.Command;
import org.undervolt.dram.trace.CommandTrace;

/**
 * Walks a command trace and counts commands and the cycles each rank spends active (≥ 1 bank open),
 * precharged, in power-down and in self refresh, plus per-bank active cycles.
 *
 * <p>A bank is active from its ACT's cycle up to (not including) the cycle of the PRE/PREA that closes
 * it; an RDA closes its bank max(tRTP + AL after the RDA, tRAS after the ACT) later, a WRA WL + BL/2 + tWR
 * after it. An all-bank refresh at cycle t counts as active for tRFC (DRAMPower 5.1, every bank active)
 * or for tRFC − tRP followed by precharged time (DRAMPower 4.1). The window ends at the END cycle, plus
 * tRP − 1 cycles for DRAMPower 4.1 (as its "Total Trace Length" shows in every golden case). Column commands
 * to a precharged bank and refreshes with banks open are protocol errors. Power-down is entered/left by
 * PDEA/PDEP and PDXA/PDXP, self refresh by SREFEN/SREFEX; they are tracked as states, a simplification not
 * checked against golden outputs (none of the golden traces uses them).
 */
public final class StateTracker {
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

    private StateTracker() {
    }

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

        Rank(int banks) {
            openSince = new long[banks];
            closeAt = new long[banks];
            Arrays.fill(openSince, -1);
            Arrays.fill(closeAt, -1);
        }
    }

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

    public static StateCycles track(CommandTrace trace, DramSpec spec, EnergyCounting counting) {
        StateTracker t = new StateTracker();
        return t.run(trace, spec, counting);
    }

    private StateCycles run(CommandTrace trace, DramSpec spec, EnergyCounting counting) {
        Organization o = spec.organization();
        Timings tm = spec.timings();
        int banks = o.banks();
        boolean legacy = counting == EnergyCounting.DRAMPOWER_4_1;
        int rfc = tm.rfc();
        int rp = tm.rp();
        long refreshActive = legacy ? Math.max(0, rfc - rp) : rfc;
        long rdaDelay = tm.firstOf("AL") + Math.max(tm.firstOf("RTP"), 0);
        long wraDelay = tm.firstOf("WL") + o.burstCycles() + tm.firstOf("WR");
        int ras = tm.ras();
        Rank[] ranks = new Rank[o.ranks()];
        for (int r = 0; r < ranks.length; r++) {
            ranks[r] = new Rank(banks);
        }
        int n = trace.size();
        for (int i = 0; i < n; i++) {
            long t = trace.cycle(i);
            int c = trace.commandOrdinal(i);
            if (c == NOP) {
                continue;
            }
            Rank rk = ranks[trace.rank(i)];
            int b = trace.bank(i);
            advance(rk, t, banks);
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
                    throw protocol(trace, i, "bank " + b + " is precharged, expected an ACT before the column command");
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
                if (rk.open > 0) {
                    throw protocol(trace, i, rk.open + " bank(s) open, expected all banks precharged before a refresh");
                }
                ref++;
                rk.refreshUntil = t + refreshActive;
            } else {
                Command cmd = Command.values()[c];
                switch (cmd) {
                    case PDEA -> enter(rk, Mode.PDN_ACT, trace.slowExit(i));
                    case PDEP -> enter(rk, Mode.PDN_PRE, trace.slowExit(i));
                    case SREFEN -> enter(rk, Mode.SREF, false);
                    case PDXA, PDXP, SREFEX -> rk.mode = Mode.NORMAL;
                    default -> throw protocol(trace, i, "command " + cmd
                            + " is not supported by Undervolt's energy model (supported: ACT PRE PREA RD WR RDA WRA REF(A) "
                            + "PDEA PDXA PDEP PDXP SREFEN SREFEX NOP END)");
                }
            }
        }
        long end = trace.endCycle() + (legacy ? Math.max(0, rp - 1) : 0);
        for (Rank rk : ranks) {
            if (end < rk.last) {
                end = rk.last;
            }
        }
        for (Rank rk : ranks) {
            advance(rk, end, banks);
            for (int k = 0; k < banks; k++) {
                if (rk.openSince[k] >= 0) {
                    bankActiveCycles += end - rk.openSince[k];
                }
            }
        }
        return new StateCycles(act, pre, rd, wr, rda, wra, ref, activeCycles, prechargedCycles, bankActiveCycles,
                pdnActFast, pdnActSlow, pdnPreFast, pdnPreSlow, selfRefresh, end);
    }

    private static void enter(Rank rk, Mode m, boolean slow) {
        rk.mode = m;
        rk.slow = slow;
    }

    private static InvalidInputException protocol(CommandTrace trace, int i, String what) {
        return new InvalidInputException(trace.source() + ": command #" + (i + 1) + " (cycle " + trace.cycle(i) + ", "
                + trace.command(i) + " rank " + trace.rank(i) + " bank " + trace.bank(i) + "): " + what);
    }

    private static void schedule(Rank rk, int b, long at) {
        rk.closeAt[b] = at;
        rk.pending++;
    }

    private void close(Rank rk, int b, long t) {
        bankActiveCycles += t - rk.openSince[b];
        rk.openSince[b] = -1;
        if (rk.closeAt[b] >= 0) {
            rk.closeAt[b] = -1;
            rk.pending--;
        }
        rk.open--;
    }

    /** Accounts rank time up to {@code t}, applying auto-precharges due on the way. */
    private void advance(Rank rk, long t, int banks) {
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
            accrue(rk, at, banks);
            close(rk, first, at); // its PRE energy is counted with the RDA/WRA
        }
        accrue(rk, t, banks);
    }

    private void accrue(Rank rk, long t, int banks) {
        while (rk.last < t) {
            long span;
            if (rk.mode != Mode.NORMAL) {
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
            } else if (rk.refreshUntil > rk.last) {
                span = Math.min(t, rk.refreshUntil) - rk.last;
                activeCycles += span;
                bankActiveCycles += span * banks;
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
