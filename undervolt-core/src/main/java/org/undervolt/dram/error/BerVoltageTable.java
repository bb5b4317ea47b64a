package org.undervolt.dram.error;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
 * <p>This is the format of a user's own single-curve table ({@code --devices FILE}); the bundled data are per-device
 * tables ({@link org.undervolt.dram.device.DeviceSet}: Voltron's 30 DIMMs, DIVA-DRAM's 103), and
 * {@code DeviceSet.ofBerTable} turns a table of this format into a one-device set with the same floor policy. The
 * former vendor-average tables and the silent clamp to the lowest point are gone: an answer below the table's lowest
 * voltage is the floor policy's, with {@code limited_by} saying so.
 */
public final class BerVoltageTable {
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

    /** Loads a table from a CSV file (format in the class comment). */
    public static BerVoltageTable load(Path csv) {
        String name = csv.toString();
        try (InputStream in = Files.newInputStream(csv)) {
            return load(name, in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(csv + ": no such BER table file (expected a CSV file 'vdd_v,ber', or voltron, voltron-A, "
                    + "voltron-B, voltron-C, voltron:DIMM for the bundled devices)");
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
}
