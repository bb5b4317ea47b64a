package org.undervolt.dram.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.CommentedCsv;

/**
 * The timings a reduced core voltage requires (Voltron-style): per relative voltage V/Vnom, the factor by
 * which tRCD, tRP and tRAS grow. Read from a CSV data file (header
 * {@code vdd_rel,trcd_factor,trp_factor,tras_factor}, '#' comments naming source and method), interpolated
 * linearly, 1.0 at and above nominal, rejected below the lowest tabulated relative voltage.
 *
 * <p>The built-in table comes from simulating Voltron's public SPICE model (CMU-SAFARI/DRAM-Voltage-Study,
 * {@code SPICE_circuit_model/voltron_spice.asc}; Chang et al., SIGMETRICS 2017, arXiv:1705.10292, Section 4.2 and
 * Appendix C) with ngspice ({@code tools/voltron-spice/voltron_timing.py}): the growth of the simulated array delays is
 * added to the DDR3L-1600 datasheet tRCD/tRP (13.75 ns) and tRAS (35 ns), e.g. factors 1.137 / 1.161 / 1.151 at
 * 0.80 of nominal and 1.399 / 1.389 / 1.372 at 0.70. The sensing thresholds are Undervolt's choice, so the values
 * are an estimate (at 0.70 other reasonable thresholds move tRCD and tRAS by about ±0.07 and tRP by -0.15 to
 * +0.06; the file's header gives the values).
 */
public final class VoltageTimingTable {
    /** Resource of the built-in table (Voltron SPICE model, simulated; see the file's header). */
    public static final String BUILTIN_RESOURCE = "/org/undervolt/dram/timing/vdd_timing_voltron_spice.csv";
    private static final String HEADER = "vdd_rel,trcd_factor,trp_factor,tras_factor";

    private final double[] rel;
    private final double[] trcd;
    private final double[] trp;
    private final double[] tras;
    private final String source;

    private VoltageTimingTable(double[] rel, double[] trcd, double[] trp, double[] tras, String source) {
        this.rel = rel;
        this.trcd = trcd;
        this.trp = trp;
        this.tras = tras;
        this.source = source;
    }

    public static VoltageTimingTable builtin() {
        try (InputStream in = VoltageTimingTable.class.getResourceAsStream(BUILTIN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILTIN_RESOURCE);
            }
            return load(BUILTIN_RESOURCE.substring(BUILTIN_RESOURCE.lastIndexOf('/') + 1), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static VoltageTimingTable load(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            return load(csv.toString(), in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(csv + ": no such timing table file");
        } catch (IOException e) {
            throw new InvalidInputException(csv + ": cannot read timing table: " + e.getMessage(), e);
        }
    }

    public static VoltageTimingTable load(String name, InputStream in) throws IOException {
        List<double[]> rows = new ArrayList<>();
        String[] fields = HEADER.split(",");
        String comments = CommentedCsv.read(name, in, HEADER, c -> { }, line -> {
            String t = line.text();
            String[] p = t.split(",");
            if (p.length != 4) {
                throw line.error("expected 4 values '" + HEADER + "', got '" + t + "'");
            }
            double[] row = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    row[i] = Double.parseDouble(p[i].strip());
                } catch (NumberFormatException e) {
                    row[i] = Double.NaN;
                }
                if (!(row[i] > 0) || Double.isInfinite(row[i])) {
                    throw line.error("field '" + fields[i] + "' is '" + p[i].strip() + "', expected a positive number");
                }
            }
            if (row[0] > 1 || row[1] < 1 || row[2] < 1 || row[3] < 1) {
                throw line.error("expected vdd_rel <= 1 and factors >= 1, got '" + t + "'");
            }
            rows.add(row);
        });
        if (rows.isEmpty()) {
            throw new InvalidInputException(name + ": no data rows after the header '" + HEADER + "'");
        }
        double[][] columns = CommentedCsv.sortedColumns(rows, 4);
        double[] rel = columns[0];
        for (int i = 1; i < rel.length; i++) {
            if (rel[i] == rel[i - 1]) {
                throw new InvalidInputException(name + ": vdd_rel " + rel[i] + " appears twice");
            }
        }
        return new VoltageTimingTable(rel, columns[1], columns[2], columns[3], comments);
    }

    public String source() {
        return source;
    }

    /** Lowest relative voltage the table covers. */
    public double lowestRelativeVdd() {
        return rel[0];
    }

    /** Factors {tRCD, tRP, tRAS} at relative voltage {@code vddRel} = V / Vnom. */
    public double[] factors(double vddRel) {
        if (!Double.isFinite(vddRel) || vddRel < rel[0]) {
            throw new InvalidInputException("relative voltage " + vddRel + " is below the timing table (lowest " + rel[0] + ")");
        }
        if (vddRel >= rel[rel.length - 1]) {
            return new double[] {trcd[rel.length - 1], trp[rel.length - 1], tras[rel.length - 1]};
        }
        int k = Arrays.binarySearch(rel, vddRel);
        if (k >= 0) {
            return new double[] {trcd[k], trp[k], tras[k]};
        }
        int i = -k - 2;
        double t = (vddRel - rel[i]) / (rel[i + 1] - rel[i]);
        return new double[] {lerp(trcd, i, t), lerp(trp, i, t), lerp(tras, i, t)};
    }

    private static double lerp(double[] y, int i, double t) {
        return y[i] + t * (y[i + 1] - y[i]);
    }

    /**
     * {@code nominal} timings with tRCD, tRP (and its per-bank/all-bank variants) and tRAS raised for the core
     * rail at {@code vdd} (nominal {@code nominalVdd}), rounded up to whole cycles; tRC grows by the cycles
     * tRAS and tRP grew.
     */
    public Timings at(Timings nominal, double vdd, double nominalVdd) {
        if (!(vdd > 0) || !(nominalVdd > 0)) {
            throw new InvalidInputException("voltages must be positive, got " + vdd + " V (nominal " + nominalVdd + " V)");
        }
        double[] f = factors(Math.min(1.0, vdd / nominalVdd));
        Map<String, Integer> c = new LinkedHashMap<>(nominal.cycles());
        scale(c, f[0], "RCD");
        scale(c, f[1], "RP", "RPpb", "RPab");
        scale(c, f[2], "RAS");
        Timings raised = new Timings(nominal.tckSeconds(), c);
        for (String rc : new String[] {"RC", "RCpb", "RCab"}) {
            if (c.containsKey(rc)) {
                int grown = nominal.cycles().get(rc) + (raised.ras() - nominal.ras()) + (raised.rp() - nominal.rp());
                c.put(rc, grown);
            }
        }
        return new Timings(nominal.tckSeconds(), c);
    }

    private static void scale(Map<String, Integer> c, double f, String... names) {
        for (String n : names) {
            Integer v = c.get(n);
            if (v != null) {
                c.put(n, (int) Math.ceil(v * f - 1e-9));
            }
        }
    }
}
