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
 * <p><b>Built-in tables.</b> {@link #builtin()} is Voltron's vendor B, {@link #voltronVendor(char)} any of its three
 * vendors: BER per voltage reduced from Voltron's released per-DIMM data (CMU-SAFARI/DRAM-Voltage-Study,
 * {@code characterization_results/dimm_faulty_cachelines_out.csv}; Chang et al., SIGMETRICS 2017, arXiv:1705.10292,
 * Section 4.1: the fraction f of 64-byte cache lines with at least one bit error, averaged over the vendor's DIMMs, turned
 * into a per-bit rate BER = 1 - (1 - f)^(1/512) assuming independent bit errors). Vendor B is the default because it
 * is the only vendor with data below 1.100 V (down to 1.025 V, the bottom of SparkXD's sweep): BER 3.17e-9 at 1.100 V,
 * 7.17e-5 at 1.050 V, 4.25e-4 at 1.025 V, 0 from 1.150 V up. Each file's header gives the per-voltage DIMM counts.
 *
 * <p><b>Applying a table to another part.</b> The built-in tables are for DDR3L (nominal 1.35 V). To use one
 * for a part with another nominal core voltage, {@link #relativeTo(double)} rescales the voltage axis
 * proportionally: the BER at V on the new part is the table's BER at V × 1.35 / Vnom(part), i.e. the same
 * BER at the same relative voltage V/Vnom (e.g. LPDDR3 VDD2 1.2 V: 1.1 V on the table ↦ 0.978 V).
 */
public final class BerVoltageTable {
    /** Resource of the built-in table: DDR3L, Voltron vendor B (see the file's header). */
    public static final String BUILTIN_RESOURCE = "/org/undervolt/dram/error/ber_vdd_ddr3l_voltron_vendorB.csv";
    private static final String VENDOR_RESOURCE = "/org/undervolt/dram/error/ber_vdd_ddr3l_voltron_vendor%c.csv";
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

    /** The built-in DDR3L table (nominal 1.35 V): Voltron's vendor B. */
    public static BerVoltageTable builtin() {
        return resource(BUILTIN_RESOURCE);
    }

    /**
     * The DDR3L table (nominal 1.35 V) of one of Voltron's anonymised vendors, 'A', 'B' or 'C' (case-insensitive).
     * A and C have no data below 1.100 V; C already shows errors at 1.250 V.
     */
    public static BerVoltageTable voltronVendor(char vendor) {
        char v = Character.toUpperCase(vendor);
        if (v < 'A' || v > 'C') {
            throw new InvalidInputException("Voltron vendor '" + vendor + "': expected A, B or C");
        }
        return resource(String.format(VENDOR_RESOURCE, v));
    }

    private static BerVoltageTable resource(String path) {
        try (InputStream in = BerVoltageTable.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return load(path.substring(path.lastIndexOf('/') + 1), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads a table from a CSV file (format in the class comment); a name {@code voltron-A},
     * {@code voltron-B} or {@code voltron-C} that is not a file names a built-in vendor table
     * ({@link #voltronVendor}).
     */
    public static BerVoltageTable load(Path csv) {
        String name = csv.toString();
        if (!Files.exists(csv) && name.length() == 9 && name.regionMatches(true, 0, "voltron-", 0, 8)) {
            return voltronVendor(name.charAt(8));
        }
        try (InputStream in = Files.newInputStream(csv)) {
            return load(name, in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(csv + ": no such BER table file (expected a CSV file, or voltron-A, voltron-B or "
                    + "voltron-C for a built-in vendor table)");
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
