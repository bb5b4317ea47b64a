package org.undervolt.dram.error;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    private static final String NOMINAL_KEY = "nominal_vdd_v";

    private final double nominalVolts;
    private final BerCurve curve;
    private final String source;

    private BerVoltageTable(double nominalVolts, BerCurve curve, String source) {
        this.nominalVolts = nominalVolts;
        this.curve = curve;
        this.source = source;
    }

    /** A table from points (any order); {@code volts} distinct and positive, {@code bers} in [0, 1]. */
    public static BerVoltageTable of(double nominalVolts, double[] volts, double[] bers, String source) {
        if (!(nominalVolts > 0)) {
            throw new IllegalArgumentException("nominal voltage must be positive, got " + nominalVolts);
        }
        return new BerVoltageTable(nominalVolts, new BerCurve(volts, bers), source);
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
        BerCurve.Parsed p = BerCurve.parse(name, in, "vdd_v", NOMINAL_KEY);
        Double nominal = p.keys().get(NOMINAL_KEY);
        if (nominal == null || !(nominal > 0)) {
            throw new InvalidInputException(name + ": missing header comment '# " + NOMINAL_KEY + ": <volts>' (positive)");
        }
        return new BerVoltageTable(nominal, p.curve(), p.comments());
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
        return curve.x.clone();
    }

    /** Tabulated BERs, in the order of {@link #voltages()}. */
    public double[] bers() {
        return curve.ber.clone();
    }

    public double lowestTabulatedVolts() {
        return curve.x[0];
    }

    /** BER at {@code vdd} (interpolated; constant above the highest point; below the lowest point: error). */
    public double ber(double vdd) {
        return curve.value(vdd, "voltage (V)");
    }

    /**
     * The lowest voltage (tabulated or interpolated) whose BER is at most {@code tolerableBer}, solved
     * exactly per segment; empty when no voltage in the table's range qualifies.
     */
    public OptionalDouble lowestVoltageFor(double tolerableBer) {
        return curve.lowestFor(tolerableBer);
    }

    /**
     * This table applied to a part whose nominal core voltage is {@code partNominalVolts}: every voltage is
     * multiplied by partNominal / nominal, so equal relative voltages V/Vnom have equal BER.
     */
    public BerVoltageTable relativeTo(double partNominalVolts) {
        if (!(partNominalVolts > 0) || Double.isInfinite(partNominalVolts)) {
            throw new InvalidInputException("part nominal voltage must be positive, got " + partNominalVolts);
        }
        return new BerVoltageTable(partNominalVolts, curve.scaledX(partNominalVolts / nominalVolts), source
                + " [voltage axis rescaled from " + nominalVolts + " V to " + partNominalVolts + " V nominal]");
    }
}
