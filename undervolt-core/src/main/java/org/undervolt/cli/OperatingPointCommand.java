package org.undervolt.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.device.BerBound;
import org.undervolt.dram.device.CombinedPoint;
import org.undervolt.dram.device.CombinedPoints;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.device.Knob;
import org.undervolt.dram.device.OperatingPoint;
import org.undervolt.dram.device.OperatingPointSummary;
import org.undervolt.dram.device.OperatingPoints;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.io.Json;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt operating-point}: for a tolerable BER, every characterised device's lowest VDD (or tRCD), what
 * limited it, and what it saves. Wiring only ({@link OperatingPoints}).
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

    @Override
    public Integer call() {
        OptionValues.ber("--tolerable-ber", tolerableBer);
        VoltageScaling law = energyLaw.law();
        FloorPolicy policy = OptionValues.parse("--floor", floor, FloorPolicy::parse);
        BerBound bound = OptionValues.parse("--ber-bound", berBound, BerBound::parse);
        Knob k = knob == null ? null : OptionValues.parse("--knob", knob, s -> Knob.parse("--knob", s));
        DramSpec p = part.spec();
        String sel = devices.selector() != null ? devices.selector() : k == Knob.TRCD ? "diva" : "voltron";
        DeviceSet set = OptionValues.parse("--devices", sel, DeviceSet::fromBerTable);
        if (k != null && set.knob() != k) {
            throw new InvalidInputException("--devices " + sel + ": its devices are measured against " + set.knob().label()
                    + ", not --knob " + k.label() + " (voltron*: vdd, diva*: trcd)");
        }
        OperatingPoints lookup = new OperatingPoints(set, p, law, policy, bound);
        List<OperatingPoint> points = lookup.at(tolerableBer);
        Map<String, Object> out = describe(lookup, p, tolerableBer, points);
        String otherSel = combineWith != null ? combineWith : set.knob() == Knob.VDD ? "diva" : "voltron";
        DeviceSet other = OptionValues.parse("--combine-with", otherSel, DeviceSet::select);
        if (other.knob() == set.knob()) {
            throw new InvalidInputException("--combine-with " + otherSel + ": expected devices measured against the other knob ("
                    + (set.knob() == Knob.VDD ? "trcd" : "vdd") + "), got " + other.knob().label() + " devices");
        }
        CombinedPoints.Result combined = set.knob() == Knob.VDD ? new CombinedPoints(lookup, other).at(tolerableBer)
                : new CombinedPoints(new OperatingPoints(other, p, law, policy, bound), set).at(tolerableBer);
        out.put("combined", OperatingPointSummary.combined(combined, other.selector()));
        jsonOption.print(out, w -> {
            String unit = set.knob().unit();
            w.printf(Locale.ROOT, "%d devices (%s), knob %s, tolerable BER %.3g, part %s, energy law %s, floor %s, BER bound %s%n",
                    points.size(), sel, set.knob().label(), tolerableBer, p.name(), law, policy, bound);
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
                    + "median %.1f %%, max %.1f %%%n", unit, c.min(), c.median(), c.max(), lookup.pricing().pricedOn(),
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

    /** The JSON object of the contract: devices, summary, and the settings that produced them. */
    static Map<String, Object> describe(OperatingPoints lookup, DramSpec part, double tol, List<OperatingPoint> points) {
        return Json.fields(new Described(tol, lookup.devices().knob().label(), lookup.devices().knob().unit(),
                lookup.devices().selector(), part.name(), lookup.law().toString(), VoltageScaling.REASONING,
                lookup.floor().toString(), lookup.bound().toString(), lookup.pricing().pricedOn(), WORKLOAD,
                OperatingPointSummary.rows(points),
                OperatingPointSummary.summary(points)));
    }

    /** What the energy saving and latency change are of. */
    private static final String WORKLOAD = "row-miss reads to one bank (ACT, RD, PRE per row cycle, active standby in "
            + "between); latency: row-conflict read tRP + tRCD + RL; timings at VDD from the Voltron SPICE table";

    /** The JSON object before {@code combined}: its components are the keys, in order (snake_case). */
    private record Described(double tolerableBer, String knob, String unit, String devicesSelected, String part,
            String energyLaw, String energyLawReasoning, String floor, String berBound, String pricedOn, String workload,
            List<Map<String, Object>> devices, Map<String, Object> summary) {
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
