package org.undervolt.dram.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.CommentedCsv;

/**
 * Reads a device table: '#' comment lines, three of which are {@code knob: vdd|trcd}, {@code unit: V|ns} and
 * {@code nominal: <number>}; then the header {@code device,vendor,x,measured,ber_lower,ber_upper,saturated} and one row
 * per device and setting: x the setting (positive), measured the raw quantity (documented in the comments; not used),
 * ber_lower ≤ ber_upper in [0, 1], saturated 0 or 1. Rows of one device need not be adjacent; a (device, x) pair
 * appears once. An optional comment {@code dimms: <name>} names the population of DIMMs the table characterises and
 * becomes its devices' family ({@code name:id}; default: the table's own name): a BER(VDD) table and a BER(tRCD)
 * table that name the same population describe the same physical DIMMs wherever their ids agree, which is what a
 * combined (VDD and tRCD lowered together) operating point needs ({@link CombinedPoints}). The bundled tables
 * ({@code devices_voltron_vdd.csv}, {@code devices_diva_trcd.csv}) are written by
 * {@code tools/dram-devices/} from the raw data; their headers give source, commit and conversion.
 */
public final class DeviceTable {
    /** The column header every table has. */
    public static final String HEADER = "device,vendor,x,measured,ber_lower,ber_upper,saturated";

    private DeviceTable() {
    }

    /** A parsed table: its devices (in first-appearance order), knob, nominal setting and header comments. */
    public record Parsed(List<Device> devices, Knob knob, double nominal, String comments) {
    }

    /** Reads a bundled table from the class path. */
    static Parsed resource(String path, String family) {
        try (InputStream in = DeviceTable.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return read(path.substring(path.lastIndexOf('/') + 1), family, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table; {@code name} is used in errors, {@code family} names its devices ("family:id"). */
    public static Parsed read(String name, String family, InputStream in) throws IOException {
        Rows t = new Rows();
        String comments = CommentedCsv.read(name, in, HEADER, t::comment, t::row);
        Knob knob = t.knob;
        String unit = t.unit;
        double nominal = t.nominal;
        Map<String, List<double[]>> rows = t.rows;
        if (knob == null || unit == null || !(nominal > 0)) {
            throw new InvalidInputException(name + ": missing header comments '# knob: vdd|trcd', '# unit: V|ns', '# nominal: <positive number>'");
        }
        if (!unit.equals(knob.unit())) {
            throw new InvalidInputException(name + ": unit '" + unit + "' does not go with knob " + knob.label() + " (expected " + knob.unit() + ")");
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(name + ": no data rows, expected '" + HEADER + "' followed by rows");
        }
        List<Device> devices = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            double[][] columns = CommentedCsv.sortedColumns(e.getValue(), 4);
            double[] x = columns[0];
            double[] lo = columns[1];
            double[] hi = columns[2];
            int n = x.length;
            boolean[] sat = new boolean[n];
            for (int i = 0; i < n; i++) {
                sat[i] = columns[3][i] == 1;
            }
            if (sat[n - 1]) {
                throw new InvalidInputException(name + ": device " + e.getKey() + " is saturated at its highest setting, no usable data");
            }
            devices.add(new Device(e.getKey(), t.population != null ? t.population : family, t.vendors.get(e.getKey()), knob, nominal, x, lo, hi, sat, Double.NaN));
        }
        return new Parsed(withFallbackSlopes(devices), knob, nominal, comments);
    }

    /** Every device gets the median own slope (lower-bound BERs) of the table's devices that have one. */
    private static List<Device> withFallbackSlopes(List<Device> devices) {
        double[] slopes = devices.stream().map(d -> d.curve(BerBound.LOWER).slope()).mapToDouble(Double::doubleValue)
                .filter(s -> !Double.isNaN(s)).sorted().toArray();
        double median = slopes.length == 0 ? Double.NaN : slopes.length % 2 == 1 ? slopes[slopes.length / 2]
                : 0.5 * (slopes[slopes.length / 2 - 1] + slopes[slopes.length / 2]);
        return devices.stream().map(d -> d.withFallbackSlope(median)).toList();
    }

    /** What the lines of a table say: the knob, unit and nominal setting of its comments, each device's points and vendor. */
    private static final class Rows {
        Knob knob;
        String unit;
        double nominal = Double.NaN;
        String population;
        final Map<String, List<double[]>> rows = new LinkedHashMap<>();
        final Map<String, String> vendors = new LinkedHashMap<>();

        void comment(CommentedCsv.Line c) {
            String text = c.text();
            if (text.startsWith("knob:")) {
                knob = Knob.parse(c.file() + ":" + c.number() + ": knob", text.substring(5).strip());
            } else if (text.startsWith("unit:")) {
                unit = text.substring(5).strip();
            } else if (text.startsWith("dimms:")) {
                String pop = text.substring(6).strip();
                if (!pop.matches("[A-Za-z0-9_.-]+")) {
                    throw c.error("'# dimms: " + pop + "', expected a name of letters, digits, '_', '.' or '-'");
                }
                population = pop;
            } else if (text.startsWith("nominal:")) {
                nominal = c.finite("nominal", text.substring(8));
            }
        }

        void row(CommentedCsv.Line line) {
            String[] p = line.text().split(",", -1);
            if (p.length != 7) {
                throw line.error("expected 7 fields (" + HEADER + "), got " + p.length);
            }
            String id = p[0].strip();
            if (id.isEmpty() || !id.matches("[A-Za-z0-9_.-]+")) {
                throw line.error("field 'device' is '" + id + "', expected letters, digits, '_', '.' or '-'");
            }
            double x = line.finite("x", p[2]);
            line.finite("measured", p[3]);
            double lo = line.finite("ber_lower", p[4]);
            double hi = line.finite("ber_upper", p[5]);
            String sat = p[6].strip();
            if (!(x > 0)) {
                throw line.error("field 'x' is " + x + ", expected a positive setting");
            }
            if (!(lo >= 0 && lo <= 1) || !(hi >= 0 && hi <= 1) || lo > hi) {
                throw line.error("fields 'ber_lower', 'ber_upper' are " + lo + ", " + hi
                        + ", expected 0 <= ber_lower <= ber_upper <= 1");
            }
            if (!sat.equals("0") && !sat.equals("1")) {
                throw line.error("field 'saturated' is '" + sat + "', expected 0 or 1");
            }
            String vendor = p[1].strip();
            String known = vendors.putIfAbsent(id, vendor);
            if (known != null && !known.equals(vendor)) {
                throw line.error("device " + id + " has vendor '" + vendor + "', earlier '" + known + "'");
            }
            List<double[]> pts = rows.computeIfAbsent(id, k -> new ArrayList<>());
            for (double[] q : pts) {
                if (q[0] == x) {
                    throw line.error("device " + id + " at x = " + x + " appears twice");
                }
            }
            pts.add(new double[] {x, lo, hi, sat.equals("1") ? 1 : 0});
        }
    }
}
