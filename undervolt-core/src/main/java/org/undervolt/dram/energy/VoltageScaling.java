package org.undervolt.dram.energy;

import java.util.Locale;

import org.undervolt.InvalidInputException;

/**
 * How the energy drawn from a rail changes when the rail runs at {@code volts} instead of its nominal
 * {@code nominalVolts}: energy(V) = energy(Vnom) × {@link #factor}.
 *
 * <p>By default only the core (array) rail is scaled — VDD2 for LPDDR3, VDD for DDR3/DDR4 — the other rails stay
 * at nominal; {@link RailScaling} makes that choice explicit (and offers scaling every rail) and gives the
 * reasons and sources.
 *
 * <p><b>The law is an assumption, and both ends are reported.</b> No released measurement of DRAM current versus
 * supply voltage exists (VAMPIRE measured DDR3L currents at 1.35 V only; DRAMPower takes IDD and VDD as separate
 * inputs, E = IDD·VDD·t). {@link #QUADRATIC} (the default, {@link #DEFAULT}) assumes IDD ∝ V: the core rail's
 * current is mostly the charging of bitline, cell and sense-amplifier capacitance, Q = C·V per operation, so the
 * energy per operation is C·V² — {@link #REASONING}. {@link #LINEAR} keeps the datasheet currents fixed (E ∝ V), as
 * internally regulated or pumped supplies and current-source-biased circuits behave; it bounds the saving from below.
 * Callers show the saving under both laws beside the chosen one.
 */
public interface VoltageScaling {

    /** Short name ("quadratic", "linear"). */
    String name();

    /** Energy multiplier at {@code volts} relative to {@code nominalVolts}. */
    double factor(double volts, double nominalVolts);

    /** E ∝ (V/Vnom)²: currents scale with voltage (capacitive charging). The default. */
    VoltageScaling QUADRATIC = Law.QUADRATIC;

    /** E ∝ V/Vnom: datasheet currents held fixed. */
    VoltageScaling LINEAR = Law.LINEAR;

    /** The law used unless the user picks one: {@link #QUADRATIC}, for {@link #REASONING}. */
    VoltageScaling DEFAULT = QUADRATIC;

    /** Why the default is quadratic, in one line for outputs and reports. */
    String REASONING = "quadratic (default): the core rail's current is mostly capacitive charging of bitlines, cells and "
            + "sense amplifiers, Q = C*V per operation, so E = C*V^2 (IDD proportional to V); linear (IDD fixed, as behind "
            + "internal regulators) is the lower bound; no released measurement of IDD versus VDD exists";

    /** Parses "quadratic" or "linear" (case-insensitive). */
    static VoltageScaling parse(String name) {
        for (Law l : Law.values()) {
            if (l.name().equalsIgnoreCase(name.trim())) {
                return l;
            }
        }
        throw new InvalidInputException("unknown voltage scaling '" + name + "', expected quadratic or linear");
    }

    /** The built-in scaling laws. */
    enum Law implements VoltageScaling {
        QUADRATIC(2),
        LINEAR(1);

        private final int exponent;

        Law(int exponent) {
            this.exponent = exponent;
        }

        @Override
        public double factor(double volts, double nominalVolts) {
            if (!(volts > 0) || !(nominalVolts > 0) || Double.isInfinite(volts) || Double.isInfinite(nominalVolts)) {
                throw new InvalidInputException("voltage must be positive and finite, got " + volts + " V (nominal "
                        + nominalVolts + " V)");
            }
            double r = volts / nominalVolts;
            return exponent == 2 ? r * r : r;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
