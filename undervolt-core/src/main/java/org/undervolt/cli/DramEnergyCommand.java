package org.undervolt.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;


import org.undervolt.InvalidInputException;
import org.undervolt.dram.energy.EnergyCounting;
import org.undervolt.dram.energy.EnergyListener;
import org.undervolt.dram.energy.RailScaling;
import org.undervolt.dram.energy.StateCycles;
import org.undervolt.dram.energy.TraceEnergy;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.LoadedSpec;
import org.undervolt.dram.trace.Command;
import org.undervolt.dram.trace.CommandSink;
import org.undervolt.dram.trace.TimingChecker;
import org.undervolt.dram.trace.TraceReader;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt dram energy --part FILE --trace FILE [--json]}: energy of a DRAMPower command trace. */
@CommandLine.Command(name = "energy",
        mixinStandardHelpOptions = true,
        description = {"Energy of a DRAMPower command trace (DRAMPower 5 CSV or DRAMPower 4 .trc), every component in joules.",
                "Counting follows the DRAMPower version whose memspec format is given (XML: 4.1, JSON: 5.1; presets: 4.1)."},
        footer = {"", "Examples:",
                "  undervolt dram energy --part DDR4-2400_4Gb_x8 --trace examples/commands.csv",
                "  undervolt dram energy --part DDR4-2400 --trace examples/commands.csv --vdd 1.1 --json"})
public final class DramEnergyCommand implements DirectCommand {

    @Mixin PartFileOption part = new PartFileOption();

    @Option(names = "--trace", required = true, paramLabel = "FILE",
            description = "command trace: DRAMPower 5 CSV or DRAMPower 4 .trc (detected from the field count)")
    Path trace;

    @Option(names = "--counting", paramLabel = "drampower4|drampower5",
            description = "override whose counting rules to follow (default: from the part's memspec format)")
    String counting;

    @Option(names = "--vdd", paramLabel = "VOLTS", description = "core-rail voltage (default: nominal)")
    Double vdd;

    @Mixin EnergyLawOption energyLaw = new EnergyLawOption();

    @Option(names = "--rails", paramLabel = "core|all",
            description = "rails lowered with --vdd: the core rail only, or every rail to the same fraction of nominal"
                    + " (default: ${DEFAULT-VALUE})")
    String rails = "core";

    @Option(names = "--no-timing-check",
            description = "skip the check of tRCD, tRAS, tRP, tRC and tRFC between commands (on by default)")
    boolean noTimingCheck;

    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public boolean isFlag(String name) {
        return name.equals("--no-timing-check") || name.equals("--json");
    }

    @Override
    public boolean set(String name, String value) {
        switch (name) {
            case "--part" -> part.memspec = value;
            case "--memspec" -> part.alias = value;
            case "--trace" -> {
                trace = DirectRun.path(value);
                return trace != null;
            }
            case "--counting" -> counting = value;
            case "--vdd" -> {
                vdd = DirectRun.decimal(value);
                return vdd != null;
            }
            case "--energy-law" -> energyLaw.name = value;
            case "--scaling" -> energyLaw.scaling = value;
            case "--rails" -> rails = value;
            case "--no-timing-check" -> noTimingCheck = true;
            case "--json" -> jsonOption.json = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public String canonical(String name) {
        return name.equals("--scaling") ? "--energy-law" : name;
    }

    @Override
    public boolean complete() {
        return trace != null && part.name() != null;
    }

    @Override
    public JsonOption jsonOption() {
        return jsonOption;
    }

    @Override
    public Integer call() throws Exception {
        EnergyCounting chosen = counting == null ? null : OptionValues.parse("--counting", counting, EnergyCounting::parse);
        VoltageScaling law = energyLaw.law();
        if (vdd != null) {
            OptionValues.positive("--vdd", vdd, "a voltage");
        }
        LoadedSpec loaded = part.load();
        DramSpec s = loaded.spec();
        EnergyCounting how = chosen == null ? EnergyCounting.forFormat(loaded.format()) : chosen;
        RailScaling railScaling = OptionValues.parse("--rails", rails, RailScaling::parse);
        double volts = vdd == null ? s.coreVolts() : vdd;
        if (!(volts > 0) || Double.isInfinite(volts)) {
            throw new InvalidInputException("--vdd " + volts + ": expected a positive voltage");
        }
        // streamed: the trace is checked, then counted and accounted by the energy listener as it is read, never held
        String source = trace.toString();
        EnergyListener energy = EnergyListener.forTrace(s, how, source);
        TraceReader.stream(trace, s.organization(), noTimingCheck ? energy
                : CommandSink.tee(TimingChecker.of(s, source), energy));
        TraceEnergy e = energy.traceEnergy(volts, law, railScaling);
        Priced out = report(loaded, how, volts, law, source, energy.commandCounts(), e, !noTimingCheck, railScaling);
        jsonOption.printLine(out, w -> {
            w.printf(Locale.ROOT, "%s on %s (%s), counting: %s%n", trace, s.name(), loaded.format().label(), how.description());
            w.printf(Locale.ROOT, "core rail %s at %.4f V (nominal %.4f V, %s scaling, rails lowered: %s)%n",
                    s.coreRail(), volts, s.coreVolts(), law.toString(), railScaling);
            for (Map.Entry<String, Double> c : e.components().entrySet()) {
                w.printf(Locale.ROOT, "  %-15s %14.6e J%n", c.getKey(), c.getValue());
            }
            w.printf(Locale.ROOT, "  %-15s %14.6e J%n", "core", e.coreJoules());
            if (e.ioJoules() == null) {
                w.printf(Locale.ROOT, "  %-15s %14s%n", "io", "not modelled");
            } else {
                StringBuilder parts = new StringBuilder();
                e.ioComponents().forEach((k, v) -> parts.append(parts.length() == 0 ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.6e J", k, v)));
                w.printf(Locale.ROOT, "  %-15s %14.6e J  (%s)%n", "io", e.ioJoules(), parts);
            }
            w.printf(Locale.ROOT, "  %-15s %14.6e J%n", "total", e.totalJoules());
        });
        return 0;
    }

    static Priced report(LoadedSpec loaded, EnergyCounting how, double volts, VoltageScaling law, String source,
                         Map<Command, Long> counts, TraceEnergy e, boolean timingChecked, RailScaling rails) {
        DramSpec s = loaded.spec();
        Map<String, Long> cmds = new LinkedHashMap<>();
        counts.forEach((command, n) -> cmds.put(command.name(), n));
        StateCycles c = e.cycles();
        return new Priced(loaded.file(), loaded.format().name(), s.name(), source, how.name(), how.description(),
                s.coreRail(), s.coreVolts(), volts, law.toString(), timingChecked, e.coreJoules(), e.ioJoules(),
                e.totalJoules(), e.components(), e.ioComponents(), cmds, new Cycles(c.totalCycles(), c.activeCycles(),
                c.prechargedCycles(), c.bankActiveCycles(), c.pdnActFast() + c.pdnActSlow() + c.pdnPreFast()
                + c.pdnPreSlow(), c.selfRefresh()), c.pre(), rails.toString());
    }

    /**
     * What {@code dram energy --json} prints: its components are the keys in order (snake_case, named as the options:
     * {@code part} for --part, {@code energy_law} for --energy-law).
     *
     * @param part         the part as given (a preset name or a memspec file)
     * @param memoryId     the part's name inside its description
     * @param vdd          the core rail's voltage priced
     * @param coreJ        energy on the core rail, J
     * @param ioJ          I/O energy, J; null where the memspec does not model it
     * @param commands     commands counted, by name
     * @param prechargesCounted PRE commands counted (PREA counted per bank)
     */
    record Priced(String part, String partFormat, String memoryId, String trace, String counting,
            String countingDescription, String coreRail, double vddNominal, double vdd, String energyLaw,
            boolean timingChecked, double coreJ, Double ioJ, double totalJ, Map<String, Double> componentsJ,
            Map<String, Double> ioComponentsJ, Map<String, Long> commands, Cycles cycles, long prechargesCounted,
            String railScaling) {
    }

    /** Clock cycles of the trace by state; {@code bankActiveSum} sums over banks, {@code powerDown} over its four kinds. */
    record Cycles(long total, long active, long precharged, long bankActiveSum, long powerDown, long selfRefresh) {
    }
}
