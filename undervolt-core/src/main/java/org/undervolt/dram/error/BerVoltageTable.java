package org.undervolt.dram.error;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.undervolt.InvalidInputException;

/**
 * Bit error rate as a function of DRAM supply voltage, read from a CSV data file.
 *
 * <p>File format: comment lines start with {@code #}; one of them must carry {@code nominal_vdd_v: X}
 * (the nominal voltage of the characterised part); the other comments name the source and method and are
 * kept as {@link #source()}. Then a header {@code vdd_v,ber} and one {@code volts,ber} row per point, in any
 * order, distinct voltages, BER in [0, 1].
 *
 * <p>Between two tabulated points the BER is interpolated log-linearly (log BER linear in V), which is how
 * characterisation papers plot it; where one end of a segment is 0 (no error observed) the interpolation is
 * linear. Above the highest tabulated voltage the BER stays at that point's value; below the lowest there
 * is no data and {@link #ber} rejects the voltage.
 *
 * <p><b>Applying a table to another part.</b> The built-in table is for DDR3L (nominal 1.35 V). To use it
 * for a part with another nominal core voltage, {@link #relativeTo(double)} rescales the voltage axis
 * proportionally: the BER at V on the new part is the table's BER at V × 1.35 / Vnom(part), i.e. the same
 * BER at the same relative voltage V/Vnom (e.g. LPDDR3 VDD2 1.2 V: 1.1 V on the table ↦ 0.978 V).
 */
public final class BerVoltageTable {
    /** Resource of the built-in table (DDR3L, placeholder curve; see the file's header). */
    public static final String BUILTIN_RESOURCE = "/org/undervolt/dram/error/ber_vdd_ddr3l_placeholder.csv";

    private final double nominalVolts;
    private final double[] volts;
    private final double[] bers;
    private final String source;

    private BerVoltageTable(double nominalVolts, double[] volts, double[] bers, String source) {
        this.nominalVolts = nominalVolts;
        this.volts = volts;
        this.bers = bers;
        this.source = source;
    }

    /** A table from points (any order); {@code volts} distinct and positive, {@code bers} in [0, 1]. */
    public static BerVoltageTable of(double nominalVolts, double[] volts, double[] bers, String source) {
        if (volts.length != bers.length || volts.length == 0) {
            throw new IllegalArgumentException("need equally many voltages and BERs, at least one");
        }
        Integer[] idx = new Integer[volts.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(volts[a], volts[b]));
        double[] v = new double[volts.length];
        double[] b = new double[volts.length];
        for (int i = 0; i < idx.length; i++) {
            v[i] = volts[idx[i]];
            b[i] = bers[idx[i]];
            if (!(v[i] > 0) || Double.isInfinite(v[i]) || !(b[i] >= 0 && b[i] <= 1)) {
                throw new IllegalArgumentException("bad point (" + v[i] + " V, BER " + b[i] + ")");
            }
            if (i > 0 && v[i] == v[i - 1]) {
                throw new IllegalArgumentException("voltage " + v[i] + " V given twice");
            }
        }
        if (!(nominalVolts > 0)) {
            throw new IllegalArgumentException("nominal voltage must be positive, got " + nominalVolts);
        }
        return new BerVoltageTable(nominalVolts, v, b, source);
    }

    /** The built-in DDR3L table (nominal 1.35 V). */
    public static BerVoltageTable builtin() {
        try (InputStream in = BerVoltageTable.class.getResourceAsStream(BUILTIN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILTIN_RESOURCE);
            }
            return load(BUILTIN_RESOURCE.substring(BUILTIN_RESOURCE.lastIndexOf('/') + 1), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a table from a CSV file (format in the class comment). */
    public static BerVoltageTable load(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            return load(csv.toString(), in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(csv + ": no such BER table file");
        } catch (IOException e) {
            throw new InvalidInputException(csv + ": cannot read BER table: " + e.getMessage(), e);
        }
    }

    /** Loads a table from {@code in}; {@code name} is used in error messages. */
    public static BerVoltageTable load(String name, InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Double> vs = new ArrayList<>();
        List<Double> bs = new ArrayList<>();
        StringBuilder source = new StringBuilder();
        double nominal = Double.NaN;
        boolean header = false;
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#")) {
                String c = t.substring(1).strip();
                int k = c.indexOf("nominal_vdd_v:");
                if (k >= 0) {
                    String num = c.substring(k + "nominal_vdd_v:".length()).strip().split("[\\s,;]+")[0];
                    nominal = parse(name, lineNo, "nominal_vdd_v", num);
                }
                source.append(source.length() == 0 ? "" : " ").append(c);
                continue;
            }
            if (!header) {
                if (!t.replace(" ", "").equalsIgnoreCase("vdd_v,ber")) {
                    throw new InvalidInputException(name + ":" + lineNo + ": expected the header 'vdd_v,ber', got '" + t + "'");
                }
                header = true;
                continue;
            }
            String[] p = t.split(",");
            if (p.length != 2) {
                throw new InvalidInputException(name + ":" + lineNo + ": expected 'volts,ber', got '" + t + "'");
            }
            double v = parse(name, lineNo, "vdd_v", p[0]);
            double b = parse(name, lineNo, "ber", p[1]);
            if (!(v > 0)) {
                throw new InvalidInputException(name + ":" + lineNo + ": field 'vdd_v' is " + v + ", expected a positive voltage");
            }
            if (!(b >= 0 && b <= 1)) {
                throw new InvalidInputException(name + ":" + lineNo + ": field 'ber' is " + b + ", expected a value in [0, 1]");
            }
            if (vs.contains(v)) {
                throw new InvalidInputException(name + ":" + lineNo + ": field 'vdd_v' " + v + " V appears twice");
            }
            vs.add(v);
            bs.add(b);
        }
        if (Double.isNaN(nominal) || !(nominal > 0)) {
            throw new InvalidInputException(name + ": missing header comment '# nominal_vdd_v: <volts>' (positive)");
        }
        if (vs.isEmpty()) {
            throw new InvalidInputException(name + ": no data rows, expected 'vdd_v,ber' followed by 'volts,ber' rows");
        }
        return of(nominal, vs.stream().mapToDouble(Double::doubleValue).toArray(),
                bs.stream().mapToDouble(Double::doubleValue).toArray(), source.toString());
    }

    private static double parse(String name, int line, String field, String text) {
        try {
            double d = Double.parseDouble(text.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + ":" + line + ": field '" + field + "' is '" + text.strip()
                    + "', expected a finite number");
        }
    }

    /** Nominal voltage of the part the table describes. */
    public double nominalVolts() {
        return nominalVolts;
    }

    /** The file's header comments: source, method, caveats. */
    public String source() {
        return source;
    }

    /** Tabulated voltages, ascending. */
    public double[] voltages() {
        return volts.clone();
    }

    /** Tabulated BERs, in the order of {@link #voltages()}. */
    public double[] bers() {
        return bers.clone();
    }

    public double lowestTabulatedVolts() {
        return volts[0];
    }

    /** BER at {@code vdd} (interpolated; constant above the highest point; below the lowest point: error). */
    public double ber(double vdd) {
        if (!Double.isFinite(vdd) || vdd < volts[0]) {
            throw new InvalidInputException("voltage " + vdd + " V is outside the BER table (lowest point "
                    + volts[0] + " V)");
        }
        int n = volts.length;
        if (vdd >= volts[n - 1]) {
            return bers[n - 1];
        }
        int k = Arrays.binarySearch(volts, vdd);
        if (k >= 0) {
            return bers[k];
        }
        int i = -k - 2;
        return interpolate(i, (vdd - volts[i]) / (volts[i + 1] - volts[i]));
    }

    private double interpolate(int i, double t) {
        double a = bers[i];
        double b = bers[i + 1];
        if (a > 0 && b > 0) {
            return Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a)));
        }
        return a + t * (b - a);
    }

    /**
     * The lowest voltage (tabulated or interpolated) whose BER is at most {@code tolerableBer}, solved
     * exactly per segment; empty when no voltage in the table's range qualifies.
     */
    public OptionalDouble lowestVoltageFor(double tolerableBer) {
        if (!(tolerableBer >= 0 && tolerableBer <= 1)) {
            throw new InvalidInputException("tolerable BER " + tolerableBer + " is outside [0, 1]");
        }
        if (bers[0] <= tolerableBer) {
            return OptionalDouble.of(volts[0]);
        }
        for (int i = 0; i + 1 < volts.length; i++) {
            if (bers[i + 1] > tolerableBer) {
                continue;
            }
            // bers[i] > tol >= bers[i+1]: the crossing lies in (volts[i], volts[i+1]]; interpolation is monotone here.
            double a = bers[i];
            double b = bers[i + 1];
            double t;
            if (a > 0 && b > 0) {
                t = (Math.log(tolerableBer) - Math.log(a)) / (Math.log(b) - Math.log(a));
            } else {
                t = (tolerableBer - a) / (b - a);
            }
            double v = volts[i] + Math.min(1, Math.max(0, t)) * (volts[i + 1] - volts[i]);
            while (v < volts[i + 1] && ber(v) > tolerableBer) {
                v = Math.nextUp(v);
            }
            return OptionalDouble.of(Math.min(v, volts[i + 1]));
        }
        return OptionalDouble.empty();
    }

    /**
     * This table applied to a part whose nominal core voltage is {@code partNominalVolts}: every voltage is
     * multiplied by partNominal / nominal, so equal relative voltages V/Vnom have equal BER.
     */
    public BerVoltageTable relativeTo(double partNominalVolts) {
        if (!(partNominalVolts > 0) || Double.isInfinite(partNominalVolts)) {
            throw new InvalidInputException("part nominal voltage must be positive, got " + partNominalVolts);
        }
        double k = partNominalVolts / nominalVolts;
        double[] v = new double[volts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = volts[i] * k;
        }
        return new BerVoltageTable(partNominalVolts, v, bers.clone(), source
                + " [voltage axis rescaled from " + nominalVolts + " V to " + partNominalVolts + " V nominal]");
    }
}
