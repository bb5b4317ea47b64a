package org.undervolt.dram.energy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.dram.sim.CommandListener;
import org.undervolt.dram.sim.SimCommand;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.trace.Command;
import org.undervolt.dram.trace.CommandTrace;

/**
 * Energy as a listener on the command stream: the one place the project prices DRAM commands. Every ACT, PRE, RD
 * and WR is priced as it issues with DRAMPower 4.1's command energies ({@link CommandEnergies}) at the core-rail
 * voltage of the subarray it addresses (a PRE at the row it closes, a PREA at every open bank's row, an RDA/WRA
 * as the column command plus its PRE); with timing recorded, the stream is kept as a {@link CommandTrace} and
 * refresh and standby are priced over its duration ({@link StateTracker}, DRAMPower 4.1 counting), each subarray
 * weighted by its share of the memory at its own voltage (papers.md §3.1, §3.4). At one voltage for the whole
 * memory the recorded stream also prices exactly as {@code dram energy} does ({@link #traceEnergy}).
 *
 * <p>Fed by the timing simulator ({@code dram.sim.DramSimulator}: mapping's inference runs, {@link SimulatedRun}),
 * by a row-buffer classifier without timing ({@code dram.access.OpenPageCounter}), or built over a command trace
 * read from a file ({@link #over}, for {@code dram energy}). Energies are per device × the part's devices per
 * rank. Not thread-safe: one listener per stream.
 */
public final class EnergyListener implements CommandListener {
    private static final String[] KEYS = {"act", "pre", "rd", "wr"};
    private static final int ACT = 0, PRE = 1, RD = 2, WR = 3;

    private final DramSpec spec;
    private final CoreVoltages volts;
    private final VoltageScaling scaling;
    private final int banks;
    private final int ranks;
    private final int subarrays;
    private final int rowsPerSubarray;
    private final int flatBanks;
    /** Command energies of every unit (flat bank × subarrays + subarray), shared between units at one voltage. */
    private final CommandEnergies[] unitEnergies;
    private final double[] joules = new double[KEYS.length];
    private final int devices;
    private final int[] openRow;
    private final CommandTrace commands;
    private boolean finished;

    /**
     * A listener for a stream on {@code spec} (its organisation: devices per rank, banks, subarrays), each
     * subarray's core rail at {@code volts}, {@code scaling} saying how energy follows voltage (other rails
     * nominal). {@code recordTiming} keeps the stream for refresh and background energy (then call
     * {@link #finish} before {@link #energy}).
     */
    public EnergyListener(DramSpec spec, CoreVoltages volts, VoltageScaling scaling, boolean recordTiming) {
        this.spec = spec.requireCurrents();
        this.volts = volts;
        this.scaling = scaling;
        Organization o = spec.organization();
        this.banks = o.banks();
        this.ranks = o.ranks();
        this.subarrays = o.subarraysPerBank();
        this.rowsPerSubarray = o.rowsPerSubarray();
        this.flatBanks = o.flatBanks();
        this.devices = o.devices();
        this.unitEnergies = new CommandEnergies[flatBanks * subarrays];
        Map<Double, CommandEnergies> byVolts = new HashMap<>();
        for (int b = 0; b < flatBanks; b++) {
            for (int k = 0; k < subarrays; k++) {
                unitEnergies[b * subarrays + k] = byVolts.computeIfAbsent(volts.volts(b, k),
                        v -> CommandEnergies.legacy(spec, v, scaling));
            }
        }
        this.openRow = new int[flatBanks];
        Arrays.fill(openRow, -1);
        this.commands = recordTiming ? new CommandTrace("simulated", 1 << 16) : null;
    }

    /** A listener over a command trace already read (a DRAMPower trace file): priced by {@link #traceEnergy}. */
    public static EnergyListener over(DramSpec spec, CommandTrace trace) {
        return new EnergyListener(spec, trace);
    }

    private EnergyListener(DramSpec spec, CommandTrace trace) {
        this.spec = spec.requireCurrents();
        this.volts = null;
        this.scaling = null;
        this.banks = spec.organization().banks();
        this.ranks = spec.organization().ranks();
        this.subarrays = 1;
        this.rowsPerSubarray = spec.organization().rows();
        this.flatBanks = 0;
        this.devices = spec.organization().devices();
        this.unitEnergies = new CommandEnergies[0];
        this.openRow = new int[0];
        this.commands = trace;
        this.finished = true;
    }

    @Override
    public void command(long clk, int channel, SimCommand cmd, int rank, int bankGroup, int bank, int row, int column) {
        int flat = (channel * ranks + rank) * banks + bank;
        if (commands != null) {
            commands.add(clk, cmd.drampower(), rank, bank, false);
        }
        switch (cmd) {
            case ACT -> {
                openRow[flat] = row;
                add(ACT, at(flat, row).act());
            }
            case PRE -> {
                add(PRE, at(flat, openRow[flat] >= 0 ? openRow[flat] : row).pre());
                openRow[flat] = -1;
            }
            case PREA -> {
                int first = (channel * ranks + rank) * banks;
                for (int b = first; b < first + banks; b++) {
                    if (openRow[b] >= 0) {
                        add(PRE, at(b, openRow[b]).pre());
                        openRow[b] = -1;
                    }
                }
            }
            case RD -> add(RD, at(flat, row).rd());
            case WR -> add(WR, at(flat, row).wr());
            case RDA, WRA -> {
                add(cmd == SimCommand.RDA ? RD : WR, cmd == SimCommand.RDA ? at(flat, row).rd() : at(flat, row).wr());
                add(PRE, at(flat, row).pre());
                openRow[flat] = -1;
            }
            case REF -> {
                // priced from the tracker's refresh count, voltage-weighted over the memory
            }
        }
    }

    private CommandEnergies at(int flatBank, int row) {
        return unitEnergies[flatBank * subarrays + row / rowsPerSubarray];
    }

    private void add(int kind, double oneDevice) {
        joules[kind] += oneDevice * devices;
    }

    /** Ends the recorded stream at cycle {@code endCycle} (the simulation's last data cycle). */
    public void finish(long endCycle) {
        if (commands == null) {
            throw new IllegalStateException("timing not recorded: nothing to finish");
        }
        if (finished) {
            throw new IllegalStateException("stream already finished");
        }
        commands.add(endCycle, Command.END, 0, 0, false);
        finished = true;
    }

    /** The recorded stream (null when timing is not recorded). */
    public CommandTrace commands() {
        return commands;
    }

    /**
     * The stream's energy: ACT, PRE, RD, WR always; refresh and background when timing was recorded (after
     * {@link #finish}).
     */
    public StreamEnergy energy() {
        if (volts == null) {
            throw new IllegalStateException("a listener over a trace file prices by traceEnergy");
        }
        if (commands != null && !finished) {
            throw new IllegalStateException("call finish(endCycle) before pricing a recorded stream");
        }
        Map<String, Double> j = new LinkedHashMap<>();
        for (int k = 0; k < KEYS.length; k++) {
            j.put(KEYS[k], joules[k]);
        }
        if (commands == null) {
            return new StreamEnergy(j, null);
        }
        StateCycles s = StateTracker.track(commands, spec, EnergyCounting.DRAMPOWER_4_1);
        double tck = spec.timings().tckSeconds();
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
    /**
     * The recorded stream priced as DRAMPower {@code counting} prices a trace, every component (power-down, self
     * refresh, interface energy where modelled), with the whole memory's core rail at {@code coreVolts}: what
     * {@code dram energy} prints.
     */
    public TraceEnergy traceEnergy(EnergyCounting counting, double coreVolts, VoltageScaling scaling, RailScaling rails) {
        if (commands == null || !finished) {
            throw new IllegalStateException("a recorded, finished stream is needed");
        }
        return new TraceEnergyModel(spec, counting).energy(commands, coreVolts, scaling, rails);
    }
}
