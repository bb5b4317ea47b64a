package org.undervolt.dram.trace;

import java.util.SplittableRandom;

import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Timings;
import org.undervolt.random.Seeds;

/**
 * Deterministic synthetic command traces (for benchmarks and tests), in the spirit of the golden
 * {@code d_random} pattern: open-page accesses to a random bank, the row drawn from a pool of 6 (so hits
 * and conflicts mix), 30 % writes, an all-bank refresh every tREFI. Per-bank tRCD, tRAS and tRP and a
 * bus gap of tCCD between column commands are respected, so the trace is protocol-correct; other timing
 * constraints (tFAW, tRRD, tWTR) are not modelled. Same seed, same trace.
 */
public final class SyntheticTraces {
    private SyntheticTraces() {
    }

    /** About {@code commands} commands (the last access's commands and the closing PREA may exceed it slightly). */
    public static CommandTrace random(DramSpec spec, int commands, long seed) {
        Organization o = spec.organization();
        Timings t = spec.timings();
        int banks = o.banks();
        int rcd = Math.max(1, t.rcd());
        int ras = Math.max(1, t.ras());
        int rp = Math.max(1, t.rp());
        int rfc = Math.max(1, t.rfc());
        int refi = t.refi() > 0 ? t.refi() : 7800;
        int ccd = Math.max(o.burstCycles(), t.firstOf("CCD", "CCD_L", "CCD_S"));
        int rtp = Math.max(1, t.firstOf("RTP"));
        int wrRecovery = t.firstOf("WL") + o.burstCycles() + t.firstOf("WR");
        SplittableRandom rnd = Seeds.stream(seed, 0x5EED_D2A3L, commands);
        CommandTrace tr = new CommandTrace("synthetic(" + spec.name() + ", " + commands + ", seed " + seed + ")", commands + 16);
        int[] openRow = new int[banks];
        long[] actAt = new long[banks];
        long[] readyForPre = new long[banks];
        long[] readyForAct = new long[banks];
        java.util.Arrays.fill(openRow, -1);
        int[] pool = new int[6];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = rnd.nextInt(o.rows());
        }
        long now = 0;
        long nextRefresh = refi;
        while (tr.size() < commands) {
            if (now >= nextRefresh) {
                boolean any = anyOpen(openRow);
                long at = prechargeAll(tr, now + 1, openRow, readyForPre);
                if (any) {
                    java.util.Arrays.fill(openRow, -1);
                    at += rp;
                }
                tr.add(at, Command.REFA, 0, 0);
                now = at + rfc - 1;
                java.util.Arrays.fill(readyForAct, now + 1);
                nextRefresh += refi;
                continue;
            }
            int b = rnd.nextInt(banks);
            int row = pool[rnd.nextInt(pool.length)];
            boolean write = rnd.nextInt(10) < 3;
            if (openRow[b] != row) {
                if (openRow[b] >= 0) {
                    long at = Math.max(now + 1, readyForPre[b]);
                    tr.add(at, Command.PRE, 0, b);
                    now = at;
                    readyForAct[b] = at + rp;
                }
                long at = Math.max(now + 1, readyForAct[b]);
                tr.add(at, Command.ACT, 0, b);
                now = at;
                openRow[b] = row;
                actAt[b] = at;
                readyForPre[b] = at + ras;
            }
            long at = Math.max(Math.max(now + ccd, actAt[b] + rcd), now + 1);
            tr.add(at, write ? Command.WR : Command.RD, 0, b);
            now = at;
            readyForPre[b] = Math.max(readyForPre[b], at + (write ? wrRecovery : rtp));
            if (rnd.nextInt(50) == 0) {
                now += 10 + rnd.nextInt(190);
            }
        }
        long at = prechargeAll(tr, now + 1, openRow, readyForPre);
        tr.add(at + rp, Command.END, 0, 0);
        return tr;
    }

    private static boolean anyOpen(int[] openRow) {
        for (int row : openRow) {
            if (row >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes the open banks with one PREA at the first cycle from {@code from} at which each of them
     * may precharge, and returns that cycle ({@code from} itself, and no command, when none is open).
     */
    private static long prechargeAll(CommandTrace tr, long from, int[] openRow, long[] readyForPre) {
        long at = from;
        for (int b = 0; b < openRow.length; b++) {
            if (openRow[b] >= 0) {
                at = Math.max(at, readyForPre[b]);
            }
        }
        if (anyOpen(openRow)) {
            tr.add(at, Command.PREA, 0, 0);
        }
        return at;
    }
}
