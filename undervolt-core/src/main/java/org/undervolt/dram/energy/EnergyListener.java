package org.undervolt.dram.energy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.access.AccessListener;
import org.undervolt.dram.access.RowBufferState;
import org.undervolt.dram.sim.CommandListener;
import org.undervolt.dram.sim.SimCommand;
import org.undervolt.dram.spec.AutoPrecharge;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Timings;
import org.undervolt.dram.trace.Command;
import org.undervolt.dram.trace.CommandCounts;
import org.undervolt.dram.trace.CommandSink;
import org.undervolt.dram.trace.CommandTrace;
import org.undervolt.dram.trace.TraceFormat;

/**
 * Energy as a listener on the command stream: the one place the project turns timed DRAM commands into state
 * cycles and command energies. One state machine serves every feed: the timing simulator ({@link CommandListener},
 * {@code dram.sim.DramSimulator}: mapping's inference runs, {@link SimulatedRun}), a row-buffer classifier without
 * timing ({@link AccessListener}, {@code dram.access.OpenPageCounter}) and a DRAMPower command trace read from a
 * file ({@link CommandSink}, {@code dram.trace.TraceReader}: {@code dram energy}). Each command is accounted once,
 * as it arrives, and read out two ways:
 * <ul>
 *   <li>{@link #energy()}: every ACT, PRE, RD and WR priced as it issues with DRAMPower 4.1's command energies
 *       ({@link CommandEnergies}) at the core-rail voltage of the subarray it addresses (a PRE at the row it closes,
 *       a PREA at every open bank's row, an RDA/WRA as the column command plus its PRE); with timing, refresh and
 *       standby over the counted cycles, each subarray weighted by its share of the memory at its own voltage
 *       (docs/PAPERS.md §3.1, §3.4). Energies are per device × the part's devices per rank.</li>
 *   <li>{@link #traceEnergy}: the counted commands and cycles ({@link #cycles()}) priced by DRAMPower 4.1's or
 *       5.1's equations on every rail, the whole memory's core rail at one voltage: what {@code dram energy}
 *       prints. At one voltage for the whole memory the two agree on the components both have.</li>
 * </ul>
 *
 * <p>Counting rules (DRAMPower 4.1 {@code CommandAnalysis.cc}, DRAMPower 5.1 {@code standards/ddr4/DDR4.cpp}):
 * <ul>
 *   <li>A bank is active from its ACT's cycle up to (not including) the cycle of the PRE/PREA that closes it;
 *       a PRE to a precharged bank is ignored. An RDA or WRA closes its bank at max(ACT + tRAS, the command +
 *       its standard's auto-precharge offset) ({@link AutoPrecharge}: DRAMPower 4.1's per-type offsets).</li>
 *   <li>An all-bank refresh at t is active for tRFC (5.1, every bank active) or for tRFC − tRP followed by
 *       precharged time (4.1).</li>
 *   <li>Power-down (PDEA/PDEP … PDXA/PDXP) cycles are counted apart and excluded from active, precharged and
 *       per-bank active time; the exit state is the entry state. Entry is taken at the command's cycle.</li>
 *   <li>Self refresh, 5.1: SREFEN implies an all-bank refresh (counted, active for tRFC), then self refresh
 *       until SREFEX. 4.1: self refresh from SREFEN to SREFEX, of which the first tRFC is the entry refresh
 *       (tRFC − tRP active-refresh, tRP precharged-refresh cycles) and the rest draws IDD6; an exit before tRFC
 *       leaves the rest of the entry refresh running after the exit ({@link StateCycles#srefRefAfterExit}).</li>
 *   <li>The window ends at the END cycle (a trace's END line, {@link #finish} for a simulated stream; else the
 *       last command's); under 4.1 counting a DRAMPower 4 {@code .trc} file ends where DRAMPower 4.1 ends it
 *       ({@link #legacyTraceEnd}: T + tRP − 1 in every golden case), any other stream (simulated, or a DRAMPower 5
 *       CSV priced the 4.1 way) at T + tRP − 1.</li>
 * </ul>
 * Column commands to a precharged bank and refreshes / self-refresh entries with banks open are protocol
 * errors ({@link InvalidInputException} naming the trace line). Power-down and self refresh are not exercised by
 * the golden cases; their accounting follows the tools' source as read, without a golden check.
 *
 * <p>Ranks: a simulated stream's rank is its channel × ranks + rank; a trace names no channel, so its ranks are
 * channel 0's. Nothing is held per command: memory is flat in the stream's length. Not thread-safe: one
 * listener per stream.
 */
public final class EnergyListener implements CommandListener, AccessListener, CommandSink {
    private static final Command[] COMMANDS = Command.values();
    private static final int ACT = Command.ACT.ordinal();
    private static final int PRE = Command.PRE.ordinal();
    private static final int PREA = Command.PREA.ordinal();
    private static final int RD = Command.RD.ordinal();
    private static final int WR = Command.WR.ordinal();
    private static final int RDA = Command.RDA.ordinal();
    private static final int WRA = Command.WRA.ordinal();
    private static final int REFA = Command.REFA.ordinal();
    private static final int NOP = Command.NOP.ordinal();
    private static final int END = Command.END.ordinal();

    private enum Mode { NORMAL, PDN_ACT, PDN_PRE, SREF }

    /** The kinds of time a rank accrues. */
    private enum Span { PRECHARGED, ACTIVE, REFRESH, POWER_DOWN, SELF_REFRESH }

    /** Per-rank walking state. */
    private static final class Rank {
        final long[] openSince;
        final long[] closeAt;
        /** Row each bank opened (its subarray's voltage prices the PRE that closes it). */
        final int[] openRow;
        int open;
        int pending;
        long last;
        long refreshUntil;
        Mode mode = Mode.NORMAL;
        boolean slow;
        long modeSince;
        /** The kind of time the rank accrued last ({@link #accrue}) and the cycle that stretch of it began. */
        Span span = Span.PRECHARGED;
        long spanSince;

        Rank(int banks) {
            openSince = new long[banks];
            closeAt = new long[banks];
            openRow = new int[banks];
            Arrays.fill(openSince, -1);
            Arrays.fill(closeAt, -1);
        }
    }

    private final DramSpec spec;
    private final EnergyCounting counting;
    private final CoreVoltages volts;
    private final VoltageScaling scaling;
    private final String source;
    /** Whether the stream's cycles mean time (refresh and background are priced). */
    private final boolean timed;
    /** Whether {@link #energy} needs {@link #finish} first (a simulated stream with timing). */
    private final boolean needsFinish;

    private final boolean legacy;
    private final int banks;
    private final int subarrays;
    private final int rowsPerSubarray;
    private final int flatBanks;
    private final int devices;
    private final long rfc;
    private final long rp;
    private final long refreshActive;
    private final long rdaDelay;
    private final long wraDelay;
    private final int ras;
    private final Rank[] ranks;
    /**
     * Per unit, one command's joules over the devices of a rank (ACT, PRE, RD, WR): what a command adds; null when
     * every unit is at one voltage, whose joules are then {@link #act1} … {@link #wr1}.
     */
    private final double[] actJ;
    private final double[] preJ;
    private final double[] rdJ;
    private final double[] wrJ;
    private final double act1;
    private final double pre1;
    private final double rd1;
    private final double wr1;
    /** The priced commands' joules so far (ACT, PRE, RD, WR), added command by command. */
    private double jAct;
    private double jPre;
    private double jRd;
    private double jWr;

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

    /** Commands seen (END excluded), the last one's cycle, and the END cycle (-1 before END). */
    private long seen;
    private long lastCycle;
    private int lastCommand = -1;
    /** Whether the commands come from a DRAMPower 4 {@code .trc} file, whose window ends as DRAMPower 4.1 ends it. */
    private boolean dramPower4File;
    private long endCycle = -1;
    private long accesses;
    /** Commands of each kind, as read (END excluded). */
    private final CommandCounts kinds = new CommandCounts();
    /** The counts once the window is closed (then no command is taken). */
    private StateCycles closed;

    /**
     * A listener for a simulated or replayed stream on {@code spec} (its organisation: devices per rank, channels,
     * ranks, banks, subarrays), each subarray's core rail at {@code volts}, {@code scaling} saying how energy
     * follows voltage (other rails nominal), DRAMPower 4.1 counting. {@code timed}: the stream's cycles are time
     * (a simulator's), so refresh and background are priced (then call {@link #finish} before {@link #energy});
     * else they are access indices (an open-page replay) and only the commands are priced.
     */
    public EnergyListener(DramSpec spec, CoreVoltages volts, VoltageScaling scaling, boolean timed) {
        this(spec, EnergyCounting.DRAMPOWER_4_1, volts, scaling, "simulated", timed, timed,
                spec.organization().channels() * spec.organization().ranks());
    }

    /**
     * A listener to stream the commands of trace {@code source} (named in messages) into, counted by
     * {@code counting}'s rules, every subarray at the nominal core voltage; read out by {@link #traceEnergy}.
     */
    public static EnergyListener forTrace(DramSpec spec, EnergyCounting counting, String source) {
        // DRAMPower 4.1's traces name no rank: it follows one and counts its background for every rank of the part
        int tracked = counting == EnergyCounting.DRAMPOWER_4_1 ? 1 : spec.organization().ranks();
        return new EnergyListener(spec, counting, CoreVoltages.uniform(spec.requireCurrents().coreVolts()),
                VoltageScaling.QUADRATIC, source, true, false, tracked);
    }

    /** A listener over a command trace already held: every command replayed into {@link #forTrace}. */
    public static EnergyListener over(DramSpec spec, EnergyCounting counting, CommandTrace trace) {
        EnergyListener l = forTrace(spec, counting, trace.source());
        trace.replay(l);
        return l;
    }

    private EnergyListener(DramSpec spec, EnergyCounting counting, CoreVoltages volts, VoltageScaling scaling,
                           String source, boolean timed, boolean needsFinish, int rankCount) {
        this.spec = spec.requireCurrents();
        this.counting = counting;
        this.volts = volts;
        this.scaling = scaling;
        this.source = source;
        this.timed = timed;
        this.needsFinish = needsFinish;
        this.legacy = counting == EnergyCounting.DRAMPOWER_4_1;
        Organization o = spec.organization();
        Timings tm = spec.timings();
        this.banks = o.banks();
        this.subarrays = o.subarraysPerBank();
        this.rowsPerSubarray = o.rowsPerSubarray();
        this.flatBanks = o.flatBanks();
        this.devices = o.devices();
        this.rfc = tm.rfc();
        this.rp = tm.rp();
        this.refreshActive = legacy ? Math.max(0, rfc - rp) : rfc;
        this.rdaDelay = AutoPrecharge.afterRead(spec);
        this.wraDelay = AutoPrecharge.afterWrite(spec);
        this.ras = tm.ras();
        this.ranks = new Rank[rankCount];
        for (int r = 0; r < rankCount; r++) {
            ranks[r] = new Rank(banks);
        }
        double v0 = volts.volts(0, 0);
        boolean uniform = true;
        for (int u = 0; u < flatBanks * subarrays && uniform; u++) {
            uniform = Double.compare(volts.volts(u / subarrays, u % subarrays), v0) == 0;
        }
        CommandEnergies[] unitEnergies = uniform ? null : unitEnergies();
        CommandEnergies first = uniform ? CommandEnergies.legacy(spec, v0, scaling) : unitEnergies[0];
        this.act1 = first.act() * devices;
        this.pre1 = first.pre() * devices;
        this.rd1 = first.rd() * devices;
        this.wr1 = first.wr() * devices;
        if (uniform) {
            actJ = preJ = rdJ = wrJ = null;
        } else {
            int units = unitEnergies.length;
            actJ = new double[units];
            preJ = new double[units];
            rdJ = new double[units];
            wrJ = new double[units];
            for (int u = 0; u < units; u++) {
                CommandEnergies e = unitEnergies[u];
                actJ[u] = e.act() * devices;
                preJ[u] = e.pre() * devices;
                rdJ[u] = e.rd() * devices;
                wrJ[u] = e.wr() * devices;
            }
        }
    }

    /** Command energies of every unit (flat bank × subarrays + subarray), shared between units at one voltage. */
    private CommandEnergies[] unitEnergies() {
        CommandEnergies[] units = new CommandEnergies[flatBanks * subarrays];
        Map<Double, CommandEnergies> byVolts = new HashMap<>();
        for (int b = 0; b < flatBanks; b++) {
            for (int k = 0; k < subarrays; k++) {
                units[b * subarrays + k] = byVolts.computeIfAbsent(volts.volts(b, k),
                        v -> CommandEnergies.legacy(spec, v, scaling));
            }
        }
        return units;
    }

    /** A command the simulator issued. */
    @Override
    public void command(long clk, int channel, SimCommand cmd, int rank, int bankGroup, int bank, int row, int column) {
        account(clk, cmd.drampower().ordinal(), channel * spec.organization().ranks() + rank, bank, row, false, 0);
    }

    @Override
    public void format(TraceFormat format) {
        dramPower4File = format == TraceFormat.DRAMPOWER4_TRC;
    }

    /** A command read from a trace (rank of channel 0; a trace names no row, so every command prices at row 0). */
    @Override
    public void command(long cycle, Command cmd, int rank, int bank, boolean slowExit, int line) {
        if (rank >= ranks.length) {
            throw new InvalidInputException(CommandSink.where(source, line, seen, cycle) + ": " + cmd + " names rank "
                    + rank + ", but DRAMPower 4.1 counting follows one rank (its traces name none) and counts the "
                    + "background of all " + spec.organization().ranks() + " ranks from it; expected rank 0, or "
                    + "--counting drampower5 for a trace of several ranks");
        }
        account(cycle, cmd.ordinal(), rank, bank, 0, slowExit, line);
    }

    /**
     * An access classified without timing ({@code dram.access.OpenPageCounter}): accounted as the commands it
     * needs (a conflict PRE then ACT, a miss ACT, then RD or WR), the access's index as their cycle.
     */
    @Override
    public void access(int flatBank, int openRow, int row, RowBufferState state, boolean write) {
        long at = accesses++;
        int rank = flatBank / banks;
        int bank = flatBank % banks;
        if (state == RowBufferState.CONFLICT) {
            account(at, PRE, rank, bank, openRow, false, 0);
        }
        if (state != RowBufferState.HIT) {
            account(at, ACT, rank, bank, row, false, 0);
        }
        account(at, write ? WR : RD, rank, bank, row, false, 0);
    }

    /** Ends a simulated stream at cycle {@code endCycle} (the simulation's last data cycle). */
    public void finish(long endCycle) {
        if (!timed) {
            throw new IllegalStateException("an untimed stream has no end cycle to finish at");
        }
        if (this.endCycle >= 0) {
            throw new IllegalStateException("stream already finished");
        }
        account(endCycle, END, 0, 0, 0, false, 0);
    }

    /**
     * One command: {@code c} its {@link Command} ordinal, {@code r} the rank (channel × ranks + rank), {@code row}
     * the row it addresses (its subarray's voltage prices ACT, RD, WR and an auto-precharge).
     */
    private void account(long t, int c, int r, int b, int row, boolean slowExit, int line) {
        if (closed != null) {
            throw new IllegalStateException("the stream's window is closed: no command after cycles() or pricing");
        }
        if (c == END) {
            endCycle = t;
            return;
        }
        long index = seen++;
        lastCycle = t;
        lastCommand = c;
        kinds.add(c);
        if (c == NOP) {
            return;
        }
        Rank rk = ranks[r];
        advance(rk, t);
        if (c == ACT) {
            if (rk.openSince[b] < 0) {
                rk.openSince[b] = t;
                rk.open++;
            }
            rk.openRow[b] = row;
            act++;
            jAct += actJ == null ? act1 : actJ[unit(r, b, row)];
        } else if (c == PRE) {
            if (rk.openSince[b] >= 0) {
                closeCounted(rk, r, b, t);
            }
        } else if (c == PREA) {
            for (int k = 0; k < banks; k++) {
                if (rk.openSince[k] >= 0) {
                    closeCounted(rk, r, k, t);
                }
            }
        } else if (c == RD || c == WR || c == RDA || c == WRA) {
            if (rk.openSince[b] < 0 || rk.closeAt[b] >= 0) {
                throw protocol(line, index, t, c, r, b, "bank " + b + " is precharged, expected an ACT before the column command");
            }
            int u = actJ == null ? 0 : unit(r, b, row);
            if (c == RD) {
                rd++;
                jRd += actJ == null ? rd1 : rdJ[u];
            } else if (c == WR) {
                wr++;
                jWr += actJ == null ? wr1 : wrJ[u];
            } else if (c == RDA) {
                rda++;
                jRd += actJ == null ? rd1 : rdJ[u];
                jPre += actJ == null ? pre1 : preJ[u];
                schedule(rk, b, Math.max(t + rdaDelay, rk.openSince[b] + ras));
            } else {
                wra++;
                jWr += actJ == null ? wr1 : wrJ[u];
                jPre += actJ == null ? pre1 : preJ[u];
                schedule(rk, b, Math.max(t + wraDelay, rk.openSince[b] + ras));
            }
        } else if (c == REFA) {
            requireClosed(line, index, t, c, r, b, rk, "a refresh");
            ref++;
            rk.refreshUntil = t + refreshActive;
        } else {
            Command cmd = COMMANDS[c];
            switch (cmd) {
                case PDEA, PDEP -> {
                    rk.mode = cmd == Command.PDEA ? Mode.PDN_ACT : Mode.PDN_PRE;
                    rk.slow = slowExit;
                    rk.modeSince = t;
                }
                case SREFEN -> {
                    requireClosed(line, index, t, c, r, b, rk, "self refresh");
                    srefEntries++;
                    rk.mode = Mode.SREF;
                    rk.modeSince = t;
                    if (!legacy) {
                        ref++;
                        rk.refreshUntil = t + rfc;
                    }
                }
                case PDXA, PDXP, SREFEX -> exit(rk, t);
                default -> throw protocol(line, index, t, c, r, b, "command " + cmd
                        + " is not supported by Undervolt's energy model (supported: ACT PRE PREA RD WR RDA WRA REF(A) "
                        + "PDEA PDXA PDEP PDXP SREFEN SREFEX NOP END)");
            }
        }
    }

    /** A PRE (or a PREA's share) closing open bank {@code b}: counted, and priced at the row it closes. */
    private void closeCounted(Rank rk, int r, int b, long t) {
        close(rk, b, t);
        pre++;
        jPre += actJ == null ? pre1 : preJ[unit(r, b, rk.openRow[b])];
    }

    /** The unit (flat bank × subarrays + subarray) of {@code row} in bank {@code b} of rank {@code r}. */
    private int unit(int r, int b, int row) {
        int u = (r * banks + b) * subarrays;
        return row < rowsPerSubarray ? u : u + row / rowsPerSubarray;
    }

    /** Commands of each kind the stream held, as they came (NOP and power commands included, END not), in command order. */
    public Map<Command, Long> commandCounts() {
        return kinds.counts();
    }

    /**
     * The counted commands and state cycles, the window closed at the END cycle (the last command's cycle when there
     * was no END, 0 for no command), plus tRP − 1 cycles for DRAMPower 4.1. The first call closes the window; no
     * command is taken after it.
     */
    public StateCycles cycles() {
        if (closed == null) {
            closed = closeWindow();
        }
        return closed;
    }

    private StateCycles closeWindow() {
        long end = legacy && dramPower4File ? legacyTraceEnd()
                : (endCycle >= 0 ? endCycle : seen == 0 ? 0 : lastCycle) + (legacy ? Math.max(0, rp - 1) : 0);
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

    /**
     * Where DRAMPower 4.1 ends a trace's window ({@code CommandAnalysis::getCommands} and {@code handleNopEnd}): an
     * END at T closes the current stretch of the (one) rank's state at T, and the NOP the tool appends at T − 1 adds
     * that stretch again from its start, so the window runs to T + (T − 1 − start of the stretch) in the state held at
     * T (T + tRP − 1 when the last PRE came tRP before END, as in the golden traces). Without END the appended NOP
     * sits at the last command + its completion time − 1 (RD: RL + tDQSCK + 1 + B; WR: WL + B + tWR; ACT: tRCD;
     * PRE/PREA: tRP; others 0), and the stretch is counted once.
     */
    private long legacyTraceEnd() {
        Rank rk = ranks[0];
        if (endCycle >= 0) {
            advance(rk, endCycle);
            return endCycle + Math.max(0, endCycle - 1 - rk.spanSince);
        }
        return seen == 0 ? 0 : Math.max(lastCycle, lastCycle + completion(lastCommand) - 1);
    }

    /** DRAMPower 4.1's {@code timeToCompletion} of a command kind. */
    private long completion(int c) {
        Timings t = spec.timings();
        long b = spec.organization().burstCycles();
        if (c == RD || c == RDA) {
            return t.firstOf("RL") + t.firstOf("DQSCK") + 1 + b;
        }
        if (c == WR || c == WRA) {
            return t.firstOf("WL") + b + t.firstOf("WR");
        }
        if (c == ACT) {
            return t.rcd();
        }
        return c == PRE || c == PREA ? rp : 0;
    }

    /**
     * The stream's energy at each subarray's voltage: ACT, PRE, RD, WR always; refresh and background when the
     * stream is timed (a simulated one after {@link #finish}).
     */
    public StreamEnergy energy() {
        Map<String, Double> j = new LinkedHashMap<>();
        j.put("act", jAct);
        j.put("pre", jPre);
        j.put("rd", jRd);
        j.put("wr", jWr);
        if (!timed) {
            return new StreamEnergy(j, null);
        }
        if (needsFinish && endCycle < 0) {
            throw new IllegalStateException("call finish(endCycle) before pricing a timed stream");
        }
        StateCycles s = cycles();
        double tck = spec.timings().tckSeconds();
        CommandEnergies[] unitEnergies = unitEnergies();
        int units = flatBanks * subarrays;
        double pAct = 0, pPre = 0, eRef = 0;
        for (int b = 0; b < flatBanks; b++) {
            for (int k = 0; k < subarrays; k++) {
                double v = volts.volts(b, k);
                pAct += CommandEnergies.activeStandbyWatts(spec, v, scaling) / units;
                pPre += CommandEnergies.prechargeStandbyWatts(spec, v, scaling) / units;
                eRef += unitEnergies[b * subarrays + k].ref() / units;
            }
        }
        j.put("ref", eRef * s.ref() * devices);
        j.put("act_background", pAct * tck * s.activeCycles() * devices);
        j.put("pre_background", pPre * tck * s.prechargedCycles() * devices);
        return new StreamEnergy(j, s);
    }

    /** {@link #traceEnergy(double, VoltageScaling, RailScaling)} at the nominal core voltage. */
    public TraceEnergy traceEnergy() {
        return traceEnergy(spec.coreVolts(), VoltageScaling.QUADRATIC, RailScaling.CORE_ONLY);
    }

    /**
     * The counted stream priced as DRAMPower prices a trace under this listener's counting, every component
     * (power-down, self refresh, interface energy where modelled), the whole memory's core rail at
     * {@code coreVolts}, {@code rails} saying which rails follow it ({@link DramPowerEquations}): what
     * {@code dram energy} prints. Closes the window ({@link #cycles()}); may be called again at other voltages.
     */
    public TraceEnergy traceEnergy(double coreVolts, VoltageScaling scaling, RailScaling rails) {
        return DramPowerEquations.price(spec, counting, cycles(), coreVolts, scaling, rails);
    }

    private void requireClosed(int line, long index, long t, int c, int rank, int bank, Rank rk, String what) {
        if (rk.open > 0) {
            throw protocol(line, index, t, c, rank, bank, rk.open + " bank(s) open, expected all banks precharged before " + what);
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

    private InvalidInputException protocol(int line, long index, long t, int c, int rank, int bank, String what) {
        return new InvalidInputException(CommandSink.where(source, line, index, t) + ": " + COMMANDS[c] + " at cycle " + t
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
            Span kind;
            if (rk.refreshUntil > rk.last) {
                kind = Span.REFRESH;
                span = Math.min(t, rk.refreshUntil) - rk.last;
                activeCycles += span;
                bankActiveCycles += span * banks;
            } else if (rk.mode != Mode.NORMAL) {
                kind = rk.mode == Mode.SREF ? Span.SELF_REFRESH : Span.POWER_DOWN;
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
                kind = rk.open > 0 ? Span.ACTIVE : Span.PRECHARGED;
                if (rk.open > 0) {
                    activeCycles += span;
                } else {
                    prechargedCycles += span;
                }
            }
            if (kind != rk.span || (kind == Span.POWER_DOWN && rk.spanSince < rk.modeSince)) {
                rk.span = kind;
                rk.spanSince = rk.last;
            }
            rk.last += span;
        }
    }
}
