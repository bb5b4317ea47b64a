package org.undervolt.dram.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.VoltageTimingTable;

/**
 * The operating-point lookup: for every device of a set, the lowest setting of its knob whose BER is within a
 * tolerable BER, what limited it, and what it saves on a part.
 *
 * <p><b>VDD.</b> A device's voltage axis is applied to the part at the same fraction of nominal (Voltron's DDR3L
 * 1.35 V ↦ the part's core voltage). Among the voltages from the lowest the tolerance allows up to nominal, the one
 * on a 1 mV grid with the largest saving on the workload of {@code pricing} ({@link SavingModel}: the
 * {@link ReferenceAccess} without a network, a network's own inference with one; timings lengthened, background priced)
 * is chosen, the lowest of equals; when that is above the tolerance's lowest voltage — the longer timings cost more than the voltage
 * saves — or the tolerance's voltage lies below the VDD→timing table, {@code limited_by} is {@code timing}. The set
 * the maximum is taken over only grows with the tolerance, so a larger tolerable BER never gives a higher voltage
 * or a smaller saving.
 *
 * <p><b>tRCD.</b> A device's tRCD axis is applied relative to nominal (DIVA's 12.5 ns ↦ the part's tRCD), rounded up
 * to whole cycles of the part; VDD stays nominal, so no energy is saved (EDEN's latency knob buys speed) and
 * {@code latency_change} is negative.
 *
 * <p><b>One grid.</b> Voltages are chosen on the 1 mV grid ({@link #GRID_V}) wherever a run reports an operating
 * point: the pipelines' headline is the median device's point of this lookup, and a placement at one module voltage
 * is planned at that voltage, so no coarser search grid (a pipeline's {@code vdd_step}) moves the reported voltage.
 * 1 mV, because the devices' data are interpolated between measured points 25-50 mV apart and the timing table
 * steps by whole cycles: a coarser grid would only round the voltage up, a finer one changes the saving by less
 * than 0.1 %.
 */
public record OperatingPoints(DeviceSet devices, SavingModel pricing, VoltageScaling law, FloorPolicy floor,
                              BerBound bound) {
    /** Grid step of the voltage search above the tolerance's lowest voltage, in volts. */
    public static final double GRID_V = 0.001;

    /** Savings priced on {@code part}'s reference access with the built-in VDD→timing table. */
    public OperatingPoints(DeviceSet devices, DramSpec part, VoltageScaling law, FloorPolicy floor, BerBound bound) {
        this(devices, new ReferenceAccess(part, VoltageTimingTable.builtin()), law, floor, bound);
    }

    /** Every device's point for tolerable BER {@code tol}, in the set's order. */
    public List<OperatingPoint> at(double tol) {
        if (!(tol >= 0 && tol <= 1)) {
            throw new InvalidInputException("--tolerable-ber " + tol + ": expected a BER in [0, 1]");
        }
        List<OperatingPoint> out = new ArrayList<>();
        for (Device d : devices.devices()) {
            out.add(d.knob() == Knob.VDD ? vdd(d, tol) : trcd(d, tol));
        }
        return out;
    }

    private OperatingPoint vdd(Device d, double tol) {
        DeviceCurve c = d.curve(bound);
        double vNom = pricing.spec().coreVolts();
        double scale = vNom / d.nominal();
        DeviceCurve.Setting s = c.lowest(tol, floor);
        double low = Math.min(vNom, s.x() * scale);
        LimitedBy why = s.limitedBy();
        if (low < pricing.lowestVolts()) {
            low = pricing.lowestVolts();
            why = LimitedBy.TIMING;
        }
        double eNom = pricing.joules(vNom, law);
        // candidates: the 1 mV grid from the tolerance's voltage (rounded up onto it) to nominal; the set only grows
        // as the tolerance grows, so the best saving never falls and the chosen voltage never rises
        long first = (long) Math.ceil(low / GRID_V - 1e-9);
        double best = vNom;
        double bestSaving = 0;
        for (long k = first; k * GRID_V < vNom - 1e-12; k++) {
            double v = Math.round(k * GRID_V * 1e6) / 1e6;
            double sv = 1 - pricing.joules(v, law) / eNom;
            if (sv > bestSaving + 1e-12) {
                best = v;
                bestSaving = sv;
            }
        }
        if (bestSaving < 0) {
            best = vNom;
            bestSaving = 0;
        }
        if (best > first * GRID_V + 1e-9) {
            why = LimitedBy.TIMING;
        }
        double ber = c.ber(best / scale, floor);
        double lat = pricing.latencySeconds(best, Double.NaN) / pricing.latencySeconds(vNom, Double.NaN) - 1;
        return new OperatingPoint(d, Knob.VDD, best, vNom, ber, why, bestSaving, saving(best, VoltageScaling.LINEAR),
                saving(best, VoltageScaling.QUADRATIC), lat);
    }

    private double saving(double v, VoltageScaling l) {
        return 1 - pricing.joules(v, l) / pricing.joules(pricing.spec().coreVolts(), l);
    }

    private OperatingPoint trcd(Device d, double tol) {
        DeviceCurve c = d.curve(bound);
        DeviceCurve.Setting s = c.lowest(tol, floor);
        double tck = pricing.spec().timings().tckSeconds() * 1e9;
        int nomCycles = pricing.spec().timings().rcd();
        double rel = Math.min(1, s.x() / d.nominal());
        int cycles = Math.max(1, (int) Math.ceil(rel * nomCycles - 1e-9));
        double ns = cycles * tck;
        double ber = c.ber(Math.max(s.x(), cycles / (double) nomCycles * d.nominal()), floor);
        double vNom = pricing.spec().coreVolts();
        double lat = pricing.latencySeconds(vNom, ns) / pricing.latencySeconds(vNom, Double.NaN) - 1;
        return new OperatingPoint(d, Knob.TRCD, ns, nomCycles * tck, ber, s.limitedBy(), 0, 0, 0, lat);
    }

    /** Minimum, median (the lower middle for an even count: a value some device has) and maximum. */
    public record Spread(double min, double median, double max) {
        public static Spread of(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            return new Spread(s[0], s[(s.length - 1) / 2], s[s.length - 1]);
        }

        /**
         * Minimum and maximum of {@code f} over {@code points}, the median the {@link OperatingPoints#median median device}'s value:
         * every figure's median is one device's point (each figure's own lower middle would pick different devices
         * for an even count, the lowest voltage saving the most).
         */
        public static Spread of(List<OperatingPoint> points, java.util.function.ToDoubleFunction<OperatingPoint> f) {
            Spread all = of(points.stream().mapToDouble(f).toArray());
            return new Spread(all.min(), f.applyAsDouble(OperatingPoints.median(points)), all.max());
        }
    }

    /** How many devices each reason limited. */
    public static Map<LimitedBy, Integer> limitedCounts(List<OperatingPoint> points) {
        Map<LimitedBy, Integer> m = new EnumMap<>(LimitedBy.class);
        for (OperatingPoint p : points) {
            m.merge(p.limitedBy(), 1, Integer::sum);
        }
        return m;
    }

    /** Counts such as {@link #limitedCounts} as text for people: {@code tolerance 17, data-floor 13}. */
    public static String countsText(Map<?, ? extends Number> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((what, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(what).append(' ').append(n));
        return sb.toString();
    }

    /** The device whose chosen setting is the median (lower middle), ties broken by name: a real device, not an average. */
    public static OperatingPoint median(List<OperatingPoint> points) {
        List<OperatingPoint> s = new ArrayList<>(points);
        s.sort((a, b) -> a.chosen() != b.chosen() ? Double.compare(a.chosen(), b.chosen()) : a.device().name().compareTo(b.device().name()));
        return s.get((s.size() - 1) / 2);
    }
}
