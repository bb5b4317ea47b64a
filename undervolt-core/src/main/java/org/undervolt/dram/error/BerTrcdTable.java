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
 * Bit error rate as a function of the activation latency tRCD, relative to the part's nominal tRCD
 * (1.0 = datasheet value), read from a CSV data file with header {@code trcd_rel,ber}, '#' comments naming
 * source and method, and the same interpolation as {@link BerVoltageTable} (log-linear between nonzero
 * points, linear next to a 0, constant above the highest point, no data below the lowest).
 * Relative tRCD makes one table usable for any part: cycles = ceil(rel × nominal tRCD).
 *
 * <p>The built-in table is still a PLACEHOLDER (no public BER-versus-tRCD data was found; the file's header lists
 * what was searched): error-free down to 0.70 of nominal, then one decade per 0.05. A cross-check from Voltron's
 * fixed-latency error data (CMU-SAFARI/DRAM-Voltage-Study) and the Voltron-SPICE tRCD factors puts the onset at
 * about 0.67 of nominal, consistent with it, but rises much faster (about 4e-4 at 0.60 against 1e-7 here).
 */
public final class BerTrcdTable {
    /** Resource of the built-in table (placeholder curve; see the file's header). */
    public static final String BUILTIN_RESOURCE = "/org/undervolt/dram/error/ber_trcd_placeholder.csv";

    private final BerCurve curve;
    private final String source;

    private BerTrcdTable(BerCurve curve, String source) {
        this.curve = curve;
        this.source = source;
    }

    public static BerTrcdTable builtin() {
        try (InputStream in = BerTrcdTable.class.getResourceAsStream(BUILTIN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILTIN_RESOURCE);
            }
            return load(BUILTIN_RESOURCE.substring(BUILTIN_RESOURCE.lastIndexOf('/') + 1), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BerTrcdTable load(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            return load(csv.toString(), in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(csv + ": no such BER table file");
        } catch (IOException e) {
            throw new InvalidInputException(csv + ": cannot read BER table: " + e.getMessage(), e);
        }
    }

    public static BerTrcdTable load(String name, InputStream in) throws IOException {
        BerCurve.Parsed p = BerCurve.parse(name, in, "trcd_rel");
        return new BerTrcdTable(p.curve(), p.comments());
    }

    public String source() {
        return source;
    }

    /** Tabulated relative tRCD values, ascending. */
    public double[] relativeTrcds() {
        return curve.x.clone();
    }

    /** BER at relative tRCD {@code rel} (tRCD / nominal tRCD). */
    public double ber(double rel) {
        return curve.value(rel, "relative tRCD");
    }

    /** BER when tRCD is {@code cycles} on a part whose nominal tRCD is {@code nominalCycles}. */
    public double ber(int cycles, int nominalCycles) {
        if (nominalCycles <= 0) {
            throw new InvalidInputException("nominal tRCD must be positive, got " + nominalCycles);
        }
        return ber((double) cycles / nominalCycles);
    }

    /** The lowest relative tRCD whose BER is at most {@code tolerableBer}; empty when none in the table. */
    public OptionalDouble lowestRelativeTrcdFor(double tolerableBer) {
        return curve.lowestFor(tolerableBer);
    }

    /** The fewest whole tRCD cycles (of {@code nominalCycles}) whose BER is at most {@code tolerableBer}. */
    public OptionalDouble lowestTrcdCyclesFor(double tolerableBer, int nominalCycles) {
        OptionalDouble rel = lowestRelativeTrcdFor(tolerableBer);
        if (rel.isEmpty()) {
            return rel;
        }
        return OptionalDouble.of(Math.ceil(rel.getAsDouble() * nominalCycles - 1e-9));
    }
}
