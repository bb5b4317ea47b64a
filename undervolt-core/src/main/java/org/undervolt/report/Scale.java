package org.undervolt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plot axis: maps values to a fraction of the axis length and proposes labelled ticks.
 * {@link #log} for bit error rates (ticks at decades, labelled 10⁻⁶), {@link #linear} for the rest.
 */
public abstract sealed class Scale permits Scale.Log, Scale.Linear {

    /** A labelled tick. */
    public record Tick(double value, String label) {
    }

    final double min;
    final double max;

    Scale(double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException("axis range must be increasing: " + min + " .. " + max);
        }
        this.min = min;
        this.max = max;
    }

    public static Scale log(double min, double max) {
        return new Log(min, max);
    }

    public static Scale linear(double min, double max) {
        return new Linear(min, max);
    }

    /** A logarithmic axis spanning whole decades around {@code [lo, hi]}. */
    public static Scale logDecadesAround(double lo, double hi) {
        double a = Math.pow(10, Math.floor(Math.log10(lo) + 1e-9));
        double b = Math.pow(10, Math.ceil(Math.log10(hi) - 1e-9));
        return new Log(a, b > a ? b : a * 10);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Where {@code v} lies on the axis: 0 at {@code min}, 1 at {@code max}. */
    public abstract double fraction(double v);

    /** Whether {@code v} can be drawn on this axis at all (e.g. not 0 on a log axis). */
    public abstract boolean accepts(double v);

    public abstract List<Tick> ticks();

    static final class Log extends Scale {
        Log(double min, double max) {
            super(min, max);
            if (min <= 0) {
                throw new IllegalArgumentException("a log axis needs a positive minimum: " + min);
            }
        }

        @Override
        public double fraction(double v) {
            return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }

        @Override
        public boolean accepts(double v) {
            return v > 0 && Double.isFinite(v);
        }

        @Override
        public List<Tick> ticks() {
            List<Tick> out = new ArrayList<>();
            int first = (int) Math.ceil(Math.log10(min) - 1e-9);
            int last = (int) Math.floor(Math.log10(max) + 1e-9);
            for (int e = first; e <= last; e++) {
                out.add(new Tick(Math.pow(10, e), powerOfTen(e)));
            }
            return out;
        }

        /** {@code 10⁻⁶}: superscript digits, so no markup is needed. */
        static String powerOfTen(int e) {
            String sup = "⁰¹²³⁴⁵⁶⁷⁸⁹";
            StringBuilder b = new StringBuilder("10");
            if (e < 0) {
                b.append('⁻');
            }
            for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
                b.append(sup.charAt(c - '0'));
            }
            return b.toString();
        }
    }

    static final class Linear extends Scale {
        Linear(double min, double max) {
            super(min, max);
        }

        @Override
        public double fraction(double v) {
            return (v - min) / (max - min);
        }

        @Override
        public boolean accepts(double v) {
            return Double.isFinite(v);
        }

        /** Steps of 1, 2 or 5 times a power of ten, about five to ten ticks. */
        @Override
        public List<Tick> ticks() {
            double raw = (max - min) / 6;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
            List<Tick> out = new ArrayList<>();
            for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
                double clean = Math.abs(v) < step * 1e-9 ? 0 : v;
                out.add(new Tick(clean, String.format(Locale.ROOT, "%." + decimals + "f", clean)));
            }
            return out;
        }
    }
}
