package org.undervolt.dram.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.InvalidInputException;

/**
 * Combined operating points — VDD and tRCD lowered together — only where one DIMM was measured against both knobs
 * (issue 16, item 4). EDEN characterises and uses its two knobs separately (Koppula et al., MICRO 2019, §4): voltage
 * partitions save energy, latency partitions at nominal voltage save time. Lowering both at once needs the same
 * DIMM's BER at both; the bundled data cannot give it (Voltron's 30 DDR3L DIMMs and DIVA-DRAM's 103 DDR3 DIMMs are
 * different modules), a user's pair of tables can.
 *
 * <p><b>Same DIMM.</b> A BER(VDD) device and a BER(tRCD) device are the same DIMM when their names ({@code family:id})
 * agree: the tables name the same population ({@code # dimms: NAME}, {@link DeviceTable}) and the ids agree.
 *
 * <p><b>The point.</b> The DIMM's voltage point at the tolerable BER t comes first ({@link OperatingPoints}: V, its BER
 * b_V, the saving); the rest of the tolerance, r = (t − b_V) / (1 − b_V), goes to tRCD: the lowest tRCD x whose
 * BER(tRCD) is at most r, as a fraction x / nominal of the DIMM's nominal tRCD. Assumptions, stated: that fraction is
 * kept at the reduced voltage, applied to the tRCD the part needs there (nominal lengthened by the VDD→timing table),
 * rounded up to whole cycles; the two causes are independent, BER = 1 − (1 − b_V)(1 − b_tRCD) (as
 * {@code mapping.OperatingPointBer}). The energy saving is the voltage point's (the reference access's row cycle does
 * not contain tRCD); the latency change is against nominal VDD and tRCD.
 */
public final class CombinedPoints {
    private final OperatingPoints vdd;
    private final DeviceSet trcd;

    /** @param vdd the voltage lookup (BER(VDD) devices); {@code trcd} the BER(tRCD) devices to pair them with */
    public CombinedPoints(OperatingPoints vdd, DeviceSet trcd) {
        if (vdd.devices().knob() != Knob.VDD || trcd.knob() != Knob.TRCD) {
            throw new InvalidInputException("combined points pair BER(VDD) devices with BER(tRCD) devices, got "
                    + vdd.devices().selector() + " (" + vdd.devices().knob() + ") and " + trcd.selector() + " (" + trcd.knob() + ")");
        }
        this.vdd = vdd;
        this.trcd = trcd;
    }

    /**
     * The combined points at tolerable BER {@code tol}, one per DIMM with data for both knobs, and why the others have
     * none.
     *
     * @param points the DIMMs with data for both, in the voltage set's order
     * @param reason why some or all DIMMs have no combined point; null when every voltage device has one
     */
    public record Result(List<CombinedPoint> points, String reason) {
    }

    public Result at(double tol) {
        Map<String, Device> partners = new LinkedHashMap<>();
        trcd.devices().forEach(d -> partners.put(d.name(), d));
        List<CombinedPoint> out = new ArrayList<>();
        List<OperatingPoint> points = vdd.at(tol);
        for (OperatingPoint p : points) {
            Device t = partners.get(p.device().name());
            if (t != null) {
                out.add(combine(p, t, tol));
            }
        }
        String reason = null;
        if (out.isEmpty()) {
            boolean bundled = vdd.devices().devices().stream().allMatch(d -> d.family().equals("voltron"))
                    && trcd.devices().stream().allMatch(d -> d.family().equals("diva"));
            reason = String.format(Locale.ROOT, "no combined point: none of the %d BER(VDD) devices (%s) has BER(tRCD) data "
                    + "in %s (%d devices) — a DIMM needs both measured to lower VDD and tRCD together%s; the knobs stay "
                    + "separate operating points: voltage (energy) and tRCD at nominal voltage (speed). Give a BER(VDD) and a "
                    + "BER(tRCD) table with the same '# dimms: NAME' and device ids for a combined point", points.size(),
                    vdd.devices().selector(), trcd.selector(), trcd.devices().size(),
                    bundled ? " (Voltron's DDR3L DIMMs and DIVA-DRAM's DDR3 DIMMs are different modules)" : "");
        } else if (out.size() < points.size()) {
            reason = String.format(Locale.ROOT, "%d of the %d BER(VDD) devices have BER(tRCD) data in %s; the others have no "
                    + "combined point", out.size(), points.size(), trcd.selector());
        }
        return new Result(out, reason);
    }

    private CombinedPoint combine(OperatingPoint p, Device t, double tol) {
        SavingModel access = vdd.pricing();
        double bv = p.berAtChosen();
        double rest = bv >= tol ? 0 : (tol - bv) / (1 - bv);
        DeviceCurve curve = t.curve(vdd.bound());
        DeviceCurve.Setting s = curve.lowest(Math.max(0, rest), vdd.floor());
        double rel = Math.min(1, s.x() / t.nominal());
        double tck = access.spec().timings().tckSeconds() * 1e9;
        double atVolts = access.spec().timings().rcd() * access.factors(p.chosen())[0];
        int cycles = Math.max(1, (int) Math.ceil(rel * atVolts - 1e-9));
        double usedRel = Math.min(1, cycles / atVolts);
        double bt = curve.ber(Math.max(s.x(), usedRel * t.nominal()), vdd.floor());
        double ber = 1 - (1 - bv) * (1 - bt);
        double trcdNs = cycles * tck;
        double lat = access.latencySeconds(p.chosen(), trcdNs) / access.latencySeconds(access.spec().coreVolts(), Double.NaN) - 1;
        return new CombinedPoint(p, t, trcdNs, atVolts * tck, ber, s.limitedBy(), lat);
    }
}
