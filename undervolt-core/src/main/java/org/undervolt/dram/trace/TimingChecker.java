package org.undervolt.dram.trace;

import java.util.Arrays;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.AutoPrecharge;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Timings;

/**
 * Checks a command trace against the part's core timing constraints, per rank and bank (JEDEC
 * JESD79-3F / JESD79-4 / JESD209-3 definitions): tRCD (ACT → column command, same bank), tRAS (ACT → PRE),
 * tRP (PRE → ACT, and PRE → REF), tRC (ACT → ACT, same bank) and tRFC (REF → any command of the rank).
 * Auto-precharges of RDA/WRA close the bank at max(ACT + tRAS, the command + its standard's auto-precharge
 * offset) ({@link AutoPrecharge}). Bus-level constraints (tCCD, tRRD, tFAW, tWTR, turnarounds) are not checked.
 * A parameter that is 0 or absent is not checked. The first violation is an {@link InvalidInputException}
 * naming file, line, command and constraint. A checker is a {@link CommandSink}, so a streamed trace is
 * checked as it is read.
 */
public final class TimingChecker implements CommandSink {
    private static final long NEVER = Long.MIN_VALUE / 4;

    private final String source;
    private final int rcd;
    private final int ras;
    private final int rp;
    private final int rc;
    private final int rfc;
    private final long rdaDelay;
    private final long wraDelay;
    private final int banks;
    private final long[] lastAct;
    private final long[] lastPre;
    private final boolean[] open;
    private final long[] refreshEnd;
    private long seen;

    private TimingChecker(DramSpec spec, String source) {
        this.source = source;
        Organization o = spec.organization();
        Timings tm = spec.timings();
        rcd = tm.rcd();
        ras = tm.ras();
        rp = tm.rp();
        rc = tm.firstOf("RC", "RCpb", "RCab");
        rfc = tm.rfc();
        rdaDelay = AutoPrecharge.afterRead(spec);
        wraDelay = AutoPrecharge.afterWrite(spec);
        banks = o.banks();
        int ranks = o.ranks();
        lastAct = new long[ranks * banks];
        lastPre = new long[ranks * banks];
        open = new boolean[ranks * banks];
        refreshEnd = new long[ranks];
        Arrays.fill(lastAct, NEVER);
        Arrays.fill(lastPre, NEVER);
        Arrays.fill(refreshEnd, NEVER);
    }

    /** A checker to stream the commands of trace {@code source} (named in messages) into. */
    public static TimingChecker of(DramSpec spec, String source) {
        return new TimingChecker(spec, source);
    }

    /** Checks a held trace. */
    public static void check(CommandTrace t, DramSpec spec) {
        t.replay(new TimingChecker(spec, t.source()));
    }

    @Override
    public void command(long now, Command c, int r, int bank, boolean slowExit, int line) {
        if (c == Command.END) {
            return;
        }
        long index = seen++;
        if (c == Command.NOP) {
            return;
        }
        int base = r * banks;
        int k = base + bank;
        if (now < refreshEnd[r]) {
            fail(line, index, now, c, r, bank, "tRFC", rfc, refreshEnd[r] - rfc);
        }
        switch (c) {
            case ACT -> {
                need(line, index, now, c, r, bank, "tRP", rp, lastPre[k]);
                need(line, index, now, c, r, bank, "tRC", rc, lastAct[k]);
                lastAct[k] = now;
                open[k] = true;
            }
            case RD, WR -> need(line, index, now, c, r, bank, "tRCD", rcd, lastAct[k]);
            case RDA, WRA -> {
                need(line, index, now, c, r, bank, "tRCD", rcd, lastAct[k]);
                long close = Math.max(lastAct[k] + ras, now + (c == Command.RDA ? rdaDelay : wraDelay));
                lastPre[k] = close;
                open[k] = false;
            }
            case PRE -> {
                if (open[k]) {
                    need(line, index, now, c, r, bank, "tRAS", ras, lastAct[k]);
                    lastPre[k] = now;
                    open[k] = false;
                }
            }
            case PREA -> {
                for (int b = base; b < base + banks; b++) {
                    if (open[b]) {
                        need(line, index, now, c, r, bank, "tRAS", ras, lastAct[b]);
                        lastPre[b] = now;
                        open[b] = false;
                    }
                }
            }
            case REFA, SREFEN -> {
                for (int b = base; b < base + banks; b++) {
                    need(line, index, now, c, r, bank, "tRP", rp, lastPre[b]);
                }
                refreshEnd[r] = now + rfc;
            }
            default -> {
            }
        }
    }

    private void need(int line, long index, long now, Command c, int r, int bank, String name, int cycles, long since) {
        if (cycles > 0 && since != NEVER && now - since < cycles) {
            fail(line, index, now, c, r, bank, name, cycles, since);
        }
    }

    private void fail(int line, long index, long now, Command c, int r, int bank, String name, int cycles, long since) {
        throw new InvalidInputException(CommandSink.where(source, line, index, now) + ": " + c + " at cycle " + now
                + " (rank " + r + ", bank " + bank + ") violates " + name + ": " + (now - since) + " cycles after cycle "
                + since + ", expected at least " + cycles);
    }
}
