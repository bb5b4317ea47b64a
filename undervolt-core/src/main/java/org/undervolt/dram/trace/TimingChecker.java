package org.undervolt.dram.trace;

import java.util.Arrays;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Timings;

/**
 * Checks a command trace against the part's core timing constraints, per rank and bank (JEDEC
 * JESD79-3F / JESD79-4 / JESD209-3 definitions): tRCD (ACT → column command, same bank), tRAS (ACT → PRE),
 * tRP (PRE → ACT, and PRE → REF), tRC (ACT → ACT, same bank) and tRFC (REF → any command of the rank).
 * Auto-precharges of RDA/WRA close the bank at max(ACT + tRAS, RDA + AL + tRTP) / max(ACT + tRAS,
 * WRA + WL + BL/2 + tWR). Bus-level constraints (tCCD, tRRD, tFAW, tWTR, turnarounds) are not checked.
 * A parameter that is 0 or absent is not checked. The first violation is an {@link InvalidInputException}
 * naming file, line, command and constraint.
 */
public final class TimingChecker {
    private static final long NEVER = Long.MIN_VALUE / 4;

    private TimingChecker() {
    }

    public static void check(CommandTrace t, DramSpec spec) {
        Organization o = spec.organization();
        Timings tm = spec.timings();
        int rcd = tm.rcd();
        int ras = tm.ras();
        int rp = tm.rp();
        int rc = tm.firstOf("RC", "RCpb", "RCab");
        int rfc = tm.rfc();
        long rdaDelay = tm.firstOf("AL") + tm.firstOf("RTP");
        long wraDelay = tm.firstOf("WL") + o.burstCycles() + tm.firstOf("WR");
        int banks = o.banks();
        int ranks = o.ranks();
        long[] lastAct = new long[ranks * banks];
        long[] lastPre = new long[ranks * banks];
        boolean[] open = new boolean[ranks * banks];
        long[] refreshEnd = new long[ranks];
        Arrays.fill(lastAct, NEVER);
        Arrays.fill(lastPre, NEVER);
        Arrays.fill(refreshEnd, NEVER);
        for (int i = 0; i < t.size(); i++) {
            Command c = t.command(i);
            if (c == Command.NOP) {
                continue;
            }
            long now = t.cycle(i);
            int r = t.rank(i);
            int base = r * banks;
            int k = base + t.bank(i);
            if (now < refreshEnd[r]) {
                fail(t, i, "tRFC", rfc, refreshEnd[r] - rfc);
            }
            switch (c) {
                case ACT -> {
                    need(t, i, "tRP", rp, lastPre[k]);
                    need(t, i, "tRC", rc, lastAct[k]);
                    lastAct[k] = now;
                    open[k] = true;
                }
                case RD, WR -> need(t, i, "tRCD", rcd, lastAct[k]);
                case RDA, WRA -> {
                    need(t, i, "tRCD", rcd, lastAct[k]);
                    long close = Math.max(lastAct[k] + ras, now + (c == Command.RDA ? rdaDelay : wraDelay));
                    lastPre[k] = close;
                    open[k] = false;
                }
                case PRE -> {
                    if (open[k]) {
                        need(t, i, "tRAS", ras, lastAct[k]);
                        lastPre[k] = now;
                        open[k] = false;
                    }
                }
                case PREA -> {
                    for (int b = base; b < base + banks; b++) {
                        if (open[b]) {
                            need(t, i, "tRAS", ras, lastAct[b]);
                            lastPre[b] = now;
                            open[b] = false;
                        }
                    }
                }
                case REFA, SREFEN -> {
                    for (int b = base; b < base + banks; b++) {
                        need(t, i, "tRP", rp, lastPre[b]);
                    }
                    refreshEnd[r] = now + rfc;
                }
                default -> {
                }
            }
        }
    }

    private static void need(CommandTrace t, int i, String name, int cycles, long since) {
        if (cycles > 0 && since != NEVER && t.cycle(i) - since < cycles) {
            fail(t, i, name, cycles, since);
        }
    }

    private static void fail(CommandTrace t, int i, String name, int cycles, long since) {
        throw new InvalidInputException(t.where(i) + ": " + t.command(i) + " at cycle " + t.cycle(i) + " (rank " + t.rank(i)
                + ", bank " + t.bank(i) + ") violates " + name + ": " + (t.cycle(i) - since) + " cycles after cycle " + since
                + ", expected at least " + cycles);
    }
}
