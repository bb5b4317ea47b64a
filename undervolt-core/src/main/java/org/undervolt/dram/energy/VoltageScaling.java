package org.undervolt.dram.energy;

import java.util.Locale;

import org.undervolt.InvalidInputException;

/**
 * How the energy drawn from a rail changes when the rail runs at {@code volts} instead of its nominal
 * {@code nominalVolts}: energy(V) = energy(Vnom) × {@link #factor}.
 *
 * <p>By default only the core (array) rail is scaled — VDD2 for LPDDR3, VDD for DDR3/DDR4 — the other rails stay
 * at nominal; {@link RailScaling} makes that choice explicit (and offers scaling every rail) and gives the
 * reasons and sources. {@link #QUADRATIC} (the default) assumes the rail's currents scale with V (E = V·I·t ∝ V²),
 * consistent with SparkXD's ≈40 % saving at 1.025 V of a 1.35 V part (docs/PAPERS.md §1.4, §3.4: (1.025/1.35)²
 * = 0.576). {@link #LINEAR} keeps the datasheet currents fixed (E ∝ V), a lower bound on the saving.
 */
public interface VoltageScaling {

    /** Short name ("quadratic", "linear"). */
    String name();

    /** Energy multiplier at {@code volts} relative to {@code nominalVolts}. */
    double factor(double volts, double nominalVolts);

    /** E ∝ (V/Vnom)²: currents scale with voltage. The default. */
    VoltageScaling QUADRATIC = Law.QUADRATIC;

    /** E ∝ V/Vnom: datasheet currents held fixed. */
    VoltageScaling LINEAR = Law.LINEAR;

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
