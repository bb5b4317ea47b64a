package org.undervolt.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;


import org.undervolt.dram.energy.EnergyCounting;
import org.undervolt.dram.energy.RailScaling;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.LoadedSpec;
import org.undervolt.usecase.BadSetting;
import org.undervolt.usecase.SettingNames;
import org.undervolt.usecase.TraceEnergyRequest;
import org.undervolt.usecase.TraceEnergyResult;
import org.undervolt.usecase.TraceEnergyUseCase;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt dram energy --part FILE --trace FILE [--json]}: energy of a DRAMPower command trace. Fills its
 * options (with or without picocli), calls {@link TraceEnergyUseCase}, prints.
 */
@CommandLine.Command(name = "energy",
        mixinStandardHelpOptions = true,
        description = {"Energy of a DRAMPower command trace (DRAMPower 5 CSV or DRAMPower 4 .trc), every component in joules.",
                "Counting follows the DRAMPower version whose memspec format is given (XML: 4.1, JSON: 5.1; presets: 4.1)."},
        footer = {"", "Examples:",
                "  undervolt dram energy --part DDR4-2400_4Gb_x8 --trace examples/commands.csv",
                "  undervolt dram energy --part DDR4-2400 --trace examples/commands.csv --vdd 1.1 --json"})
public final class DramEnergyCommand extends DirectCommand {

    @Mixin PartFileOption part = new PartFileOption();

    @Option(names = "--trace", required = true, paramLabel = "FILE",
            description = "command trace: DRAMPower 5 CSV or DRAMPower 4 .trc (detected from the field count)")
    Path trace;

    @Option(names = "--counting", paramLabel = "drampower4|drampower5",
            description = "override whose counting rules to follow (default: from the part's memspec format)")
    String counting;

    @Mixin CoreVoltageOptions voltage = new CoreVoltageOptions();

    @Option(names = "--rails", paramLabel = "core|all",
            description = "rails lowered with --vdd: the core rail only, or every rail to the same fraction of nominal"
                    + " (default: ${DEFAULT-VALUE})")
    String rails = "core";

    @Option(names = "--no-timing-check",
            description = "skip the check of tRCD, tRAS, tRP, tRC and tRFC between commands (on by default)")
    boolean noTimingCheck;

    public DramEnergyCommand() {
        super(Set.of("--no-timing-check"), Map.of("--scaling", "--energy-law"));
    }

    @Override
    boolean setOption(String name, String value) {
        switch (name) {
            case "--part" -> part.memspec = value;
            case "--memspec" -> part.alias = value;
            case "--trace" -> {
                trace = DirectRun.path(value);
                return trace != null;
            }
            case "--counting" -> counting = value;
            case "--vdd" -> {
                voltage.vdd = DirectRun.decimal(value);
                return voltage.vdd != null;
            }
            case "--energy-law" -> voltage.energyLaw.name = value;
            case "--scaling" -> voltage.energyLaw.scaling = value;
            case "--rails" -> rails = value;
            case "--no-timing-check" -> noTimingCheck = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    boolean complete() {
        return trace != null && part.name() != null;
    }

    /** The request's keys as this command's options. */
    private static final SettingNames OPTIONS = SettingNames.options(Map.of());

    @Override
    public Integer call() throws Exception {
        EnergyCounting chosen = counting == null ? null : OptionValues.parse("--counting", counting, EnergyCounting::parse);
        VoltageScaling law = voltage.energyLaw.law();
        Double vdd = voltage.vdd();
        LoadedSpec loaded = part.load();
        DramSpec s = loaded.spec();
        RailScaling railScaling = OptionValues.parse("--rails", rails, RailScaling::parse);
        TraceEnergyResult e;
        try {
            e = TraceEnergyUseCase.run(new TraceEnergyRequest(loaded, trace, chosen, vdd, law, railScaling, !noTimingCheck));
        } catch (BadSetting bad) {
            throw bad.named(OPTIONS);
        }
        jsonOption.printLine(e, w -> {
            w.printf(Locale.ROOT, "%s on %s (%s), counting: %s%n", trace, s.name(), loaded.format().label(),
                    e.countingDescription());
            w.printf(Locale.ROOT, "core rail %s at %.4f V (nominal %.4f V, %s scaling, rails lowered: %s)%n",
                    s.coreRail(), e.vdd(), s.coreVolts(), law.toString(), railScaling);
            for (Map.Entry<String, Double> c : e.componentsJ().entrySet()) {
                w.printf(Locale.ROOT, "  %-15s %14.6e J%n", c.getKey(), c.getValue());
            }
            w.printf(Locale.ROOT, "  %-15s %14.6e J%n", "core", e.coreJ());
            if (e.ioJ() == null) {
                w.printf(Locale.ROOT, "  %-15s %14s%n", "io", "not modelled");
            } else {
                StringBuilder parts = new StringBuilder();
                e.ioComponentsJ().forEach((k, v) -> parts.append(parts.length() == 0 ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.6e J", k, v)));
                w.printf(Locale.ROOT, "  %-15s %14.6e J  (%s)%n", "io", e.ioJ(), parts);
            }
            w.printf(Locale.ROOT, "  %-15s %14.6e J%n", "total", e.totalJ());
        });
        return 0;
    }
}
