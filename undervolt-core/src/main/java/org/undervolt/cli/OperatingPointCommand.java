package org.undervolt.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.dram.device.BerBound;
import org.undervolt.dram.device.CombinedPoint;
import org.undervolt.dram.device.CombinedPoints;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.device.Knob;
import org.undervolt.dram.device.OperatingPoint;
import org.undervolt.dram.device.OperatingPoints;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.LoadedSpec;
import org.undervolt.usecase.BadSetting;
import org.undervolt.usecase.OperatingPointRequest;
import org.undervolt.usecase.OperatingPointResult;
import org.undervolt.usecase.OperatingPointUseCase;
import org.undervolt.usecase.SettingNames;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt operating-point}: for a tolerable BER, every characterised device's lowest VDD (or tRCD), what
 * limited it, and what it saves. Parses the options, calls {@link OperatingPointUseCase}, prints.
 */
@CommandLine.Command(name = "operating-point", defaultValueProvider = OperatingPointCommand.Defaults.class,
        mixinStandardHelpOptions = true, sortOptions = false,
        header = "Lowest VDD or tRCD per characterised DRAM device for a tolerable BER, and what limited it.",
        description = {"For every device (a measured DIMM) of --devices: the lowest setting whose BER is within",
                "--tolerable-ber, the energy saving of a row-miss read stream on --part (default " + OperatingPointCommand.DEFAULT_PART
                        + ") under the chosen energy law",
                "and under both laws, the read-latency change (timings lengthened at low VDD, Voltron SPICE table),",
                "and limited_by: tolerance (the BER decided), data-floor (no measurement lower),",
                "extrapolation-limit (--floor extrapolate ran out) or timing (longer timings cost more than they save)."},
        footerHeading = "%nExamples:%n",
        footer = {"  undervolt operating-point --tolerable-ber 1e-4",
                "  undervolt operating-point --tolerable-ber 1e-4 --devices voltron:B7 --floor extrapolate",
                "  undervolt operating-point --tolerable-ber 1e-4 --knob trcd --json",
                "  undervolt operating-point --tolerable-ber 1e-6 --devices voltron-C --part LPDDR3-1600 --energy-law linear",
                "",
                "Exit codes: 0 success; 1 internal failure; 2 bad input (one line on stderr)."})
public final class OperatingPointCommand implements Callable<Integer> {

    @Option(names = "--tolerable-ber", required = true, paramLabel = "X", description = "the highest BER the data tolerates, in [0, 1]")
    double tolerableBer;

    @Option(names = "--knob", paramLabel = "vdd|trcd", description = "what to lower (default: vdd, or the --devices table's knob)")
    String knob;

    @Mixin DevicesOption devices = new DevicesOption();

    @Mixin PartOption part = new PartOption();
    @Mixin EnergyLawOption energyLaw = new EnergyLawOption();

    @Option(names = "--floor", defaultValue = "stop", paramLabel = "stop|extrapolate",
            description = "below a device's lowest measured point: stop there, or follow a fitted log-linear law one "
                    + "measurement step further (default: ${DEFAULT-VALUE})")
    String floor;

    @Option(names = "--ber-bound", defaultValue = "lower", paramLabel = "lower|upper",
            description = "Voltron's failing-line fraction f as a per-bit BER: f/512 or f (default: ${DEFAULT-VALUE})")
    String berBound;

    @Option(names = "--combine-with", paramLabel = "SEL", description = "devices measured against the other knob; a DIMM "
            + "in both gets a combined point (VDD and tRCD lowered together), the JSON's 'combined' says which or why none "
            + "(default: diva for vdd devices, voltron for trcd devices: different DIMMs, so none)")
    String combineWith;

    @Mixin JsonOption jsonOption = new JsonOption();

    /** The request's keys as this command's options. */
    private static final SettingNames OPTIONS = SettingNames.options(Map.of());

    @Override
    public Integer call() {
        OptionValues.ber("--tolerable-ber", tolerableBer);
        VoltageScaling law = energyLaw.law();
        FloorPolicy policy = OptionValues.parse("--floor", floor, FloorPolicy::parse);
        BerBound bound = OptionValues.parse("--ber-bound", berBound, BerBound::parse);
        Knob k = knob == null ? null : OptionValues.parse("--knob", knob, s -> Knob.parse("--knob", s));
        LoadedSpec loaded = part.loaded();
        DramSpec p = loaded.spec();
        String sel = devices.selector();
        DeviceSet set = sel == null ? null : OptionValues.parse("--devices", sel, DeviceSet::fromBerTable);
        DeviceSet other = combineWith == null ? null : OptionValues.parse("--combine-with", combineWith, DeviceSet::select);
        OperatingPointRequest request;
        try {
            request = new OperatingPointRequest(tolerableBer, k, set, p, law, policy, bound, other);
        } catch (BadSetting e) {
            throw e.named(OPTIONS);
        }
        OperatingPointResult r = OperatingPointUseCase.run(request);
        List<OperatingPoint> points = r.points();
        CombinedPoints.Result combined = r.combined();
        Map<String, Object> out = r.json();
        if (loaded.fromFile()) { // which file, by content: two files of one name are two parts
            Object combinedJson = out.remove("combined");
            out.put("part_file", loaded.identity());
            out.put("combined", combinedJson);
        }
        jsonOption.print(out, w -> {
            Knob knobUsed = r.lookup().devices().knob();
            String unit = knobUsed.unit();
            w.printf(Locale.ROOT, "%d devices (%s), knob %s, tolerable BER %.3g, part %s, energy law %s, floor %s, BER bound %s%n",
                    points.size(), sel != null ? sel : request.devices().selector(), knobUsed.label(), tolerableBer, p.name(), law, policy, bound);
            w.printf(Locale.ROOT, "%-14s %-6s %9s %9s %10s %-20s %8s %8s %8s %8s%n", "device", "vendor", "chosen", "nominal",
                    "BER", "limited by", "saving", "linear", "quadr.", "latency");
            for (OperatingPoint o : points) {
                w.printf(Locale.ROOT, "%-14s %-6s %7.4g %s %7.4g %s %10.3g %-20s %7.1f%% %7.1f%% %7.1f%% %+7.1f%%%n",
                        o.device().name(), o.device().vendor(), o.chosen(), pad(unit), o.nominal(), pad(unit), o.berAtChosen(),
                        o.limitedBy(), 100 * o.energySaving(), 100 * o.energySavingLinear(), 100 * o.energySavingQuadratic(),
                        100 * o.latencyChange());
            }
            OperatingPoints.Spread c = OperatingPoints.Spread.of(points, OperatingPoint::chosen);
            OperatingPoints.Spread e = OperatingPoints.Spread.of(points, OperatingPoint::energySaving);
            w.printf(Locale.ROOT, "chosen %s: min %.4g, median %.4g, max %.4g; energy saving (priced on the %s): min %.1f %%, "
                    + "median %.1f %%, max %.1f %%%n", unit, c.min(), c.median(), c.max(), r.lookup().pricing().pricedOn(),
                    100 * e.min(), 100 * e.median(), 100 * e.max());
            w.printf(Locale.ROOT, "limited by: %s%n", OperatingPoints.countsText(OperatingPoints.limitedCounts(points)));
            for (CombinedPoint cp : combined.points()) {
                w.printf(Locale.ROOT, "combined %s: %.4g V with tRCD %.4g ns (%.4g ns needed at that voltage), BER %.3g, tRCD limited "
                        + "by %s, latency %+.1f%%%n", cp.vdd().device().name(), cp.vdd().chosen(), cp.trcdNs(), cp.trcdAtVoltsNs(),
                        cp.berAtChosen(), cp.limitedBy(), 100 * cp.latencyChange());
            }
            if (combined.reason() != null) {
                w.printf(Locale.ROOT, "combined: %s%n", combined.reason());
            }
            w.printf(Locale.ROOT, "energy law: %s%n", VoltageScaling.REASONING);
        });
        return 0;
    }

    private static String pad(String unit) {
        return unit.length() == 1 ? unit + " " : unit;
    }

    /** The part priced unless --part names one. */
    static final String DEFAULT_PART = "DDR3L-1600";

    /** The part the devices' settings are applied to, relative to its nominal VDD / tRCD. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super("--part", DEFAULT_PART);
        }
    }
}
