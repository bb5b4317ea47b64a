package org.undervolt.dram.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.error.BerVoltageTable;

/**
 * A selection of characterised devices, all with the same knob.
 *
 * <p>Selectors ({@link #select}): {@code voltron} (Voltron's 30 DDR3L DIMMs, BER versus VDD), {@code voltron-A},
 * {@code voltron-B}, {@code voltron-C} (one vendor), {@code voltron:B7} (one DIMM); {@code diva} (DIVA-DRAM's 103 DDR3
 * DIMMs, BER versus tRCD), {@code diva-A|B|C}, {@code diva:A01}; or the path of a {@link DeviceTable} CSV file
 * ({@code FILE}, or {@code FILE:ID} for one of its devices).
 *
 * @param selector the text it was selected by
 * @param devices  the devices, in table order
 * @param source   the table's header comments (source, conversion, quirks)
 */
public record DeviceSet(String selector, List<Device> devices, String source) {
    /** Bundled Voltron table (BER versus VDD). */
    public static final String VOLTRON_RESOURCE = "/org/undervolt/dram/device/devices_voltron_vdd.csv";
    /** Bundled DIVA-DRAM table (BER versus tRCD). */
    public static final String DIVA_RESOURCE = "/org/undervolt/dram/device/devices_diva_trcd.csv";
    /** What {@code --devices} accepts ({@link #fromBerTable}), for help texts and errors. */
    public static final String FORMS = "voltron, voltron-A|B|C, voltron:DIMM, diva, diva-A|B|C, diva:DIMM, a device-table CSV "
            + "file or a vdd_v,ber CSV file (one BER(VDD) curve)";

    private static volatile DeviceTable.Parsed voltron;
    private static volatile DeviceTable.Parsed diva;

    public DeviceSet {
        if (devices.isEmpty()) {
            throw new InvalidInputException("device selection '" + selector + "' holds no device");
        }
        devices = List.copyOf(devices);
    }

    /** Every Voltron DIMM. */
    public static DeviceSet voltron() {
        return select("voltron");
    }

    /** Every DIVA-DRAM DIMM. */
    public static DeviceSet diva() {
        return select("diva");
    }

    /** The knob of the set's devices. */
    public Knob knob() {
        return devices.get(0).knob();
    }

    /** The nominal setting of the set's devices (the table's). */
    public double nominal() {
        return devices.get(0).nominal();
    }

    /** The devices selected by {@code selector} (forms in the class comment); errors name the form expected. */
    public static DeviceSet select(String selector) {
        String s = selector == null ? "" : selector.trim();
        String family = family(s);
        return family == null ? file(s) : pick(s, family, bundled(family), s.substring(family.length()));
    }

    /** Whether {@code selector} names bundled devices ({@code voltron...}, {@code diva...}) rather than a file. */
    public static boolean isBundled(String selector) {
        return selector != null && family(selector.trim()) != null;
    }

    /** The bundled family {@code s} selects from ({@code voltron}, {@code diva}), or null for a file. */
    private static String family(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (String family : new String[] {"voltron", "diva"}) {
            String rest = s.substring(Math.min(family.length(), s.length()));
            if (lower.startsWith(family) && (rest.isEmpty() || rest.startsWith("-") || rest.startsWith(":"))) {
                return family;
            }
        }
        return null;
    }

    private static DeviceSet pick(String selector, String family, DeviceTable.Parsed t, String rest) {
        if (rest.isEmpty()) {
            return new DeviceSet(selector, t.devices(), t.comments());
        }
        String arg = rest.substring(1);
        if (rest.startsWith("-")) {
            List<Device> ds = t.devices().stream().filter(d -> d.vendor().equalsIgnoreCase(arg)).toList();
            if (ds.isEmpty()) {
                throw new InvalidInputException("--devices " + selector + ": no vendor '" + arg + "' in " + family
                        + ", expected " + family + "-A, " + family + "-B or " + family + "-C");
            }
            return new DeviceSet(selector, ds, t.comments());
        }
        List<Device> ds = t.devices().stream().filter(d -> d.id().equalsIgnoreCase(arg)).toList();
        if (ds.isEmpty()) {
            throw new InvalidInputException("--devices " + selector + ": no DIMM '" + arg + "' in " + family + ", expected one of "
                    + t.devices().stream().map(Device::id).toList());
        }
        return new DeviceSet(selector, ds, t.comments());
    }

    /**
     * What {@code --devices} and a pipeline config's {@code devices} name (and their old spellings {@code --ber-table},
     * {@code ber_table}): {@code voltron-A|B|C} (and any other selector) select bundled devices; a file with the header
     * {@code vdd_v,ber} ({@link BerVoltageTable}) is one device named after the file; any other file is read as a
     * device table.
     */
    public static DeviceSet fromBerTable(String text) {
        Path p = Path.of(text.trim());
        if (Files.isRegularFile(p)) {
            String first = firstDataLine(p).replace(" ", "");
            if (first.equalsIgnoreCase("vdd_v,ber")) {
                return ofBerTable(BerVoltageTable.load(p), p.getFileName().toString().replaceFirst("\\.csv$", ""));
            }
            if (!first.equalsIgnoreCase(DeviceTable.HEADER)) {
                throw new InvalidInputException(p + ": expected the header 'vdd_v,ber' (one BER(VDD) curve) or '"
                        + DeviceTable.HEADER + "' (a device table), got '" + first + "'");
            }
        }
        return select(text);
    }

    /**
     * The BER(VDD) devices a mapping run uses: {@code devices} ({@link #fromBerTable}; null: {@code voltron}), which
     * must be measured against VDD; {@code what} names the setting in errors.
     */
    public static DeviceSet vddSelection(String devices, String what) {
        DeviceSet set = fromBerTable(devices == null ? "voltron" : devices);
        if (set.knob() != Knob.VDD) {
            throw new InvalidInputException(what + " " + set.selector() + ": expected devices measured against vdd (voltron..., "
                    + "a vdd_v,ber table), got " + set.knob().label() + " devices");
        }
        return set;
    }

    /** A one-device set from a single BER(VDD) curve (no saturation, lower = upper bound). */
    public static DeviceSet ofBerTable(BerVoltageTable t, String id) {
        double[] v = t.voltages();
        double[] b = t.bers();
        Device d = new Device(id.replaceAll("[^A-Za-z0-9_.-]", "_"), "table", "-", Knob.VDD, t.nominalVolts(), v, b, b.clone(),
                new boolean[v.length], Double.NaN);
        return new DeviceSet("table:" + id, List.of(d), t.source());
    }

    private static String firstDataLine(Path p) {
        try (var lines = Files.lines(p)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    private static DeviceSet file(String s) {
        Path p = Path.of(s);
        String id = null;
        if (!Files.exists(p)) {
            int colon = s.lastIndexOf(':');
            if (colon > 0 && Files.exists(Path.of(s.substring(0, colon)))) {
                p = Path.of(s.substring(0, colon));
                id = s.substring(colon + 1);
            }
        }
        String family = p.getFileName() == null ? s : p.getFileName().toString().replaceFirst("\\.csv$", "");
        DeviceTable.Parsed t;
        try (InputStream in = Files.newInputStream(p)) {
            t = DeviceTable.read(p.toString(), family, in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("--devices " + s + ": no such file, expected " + FORMS);
        } catch (IOException e) {
            throw new InvalidInputException("--devices " + s + ": cannot read: " + e.getMessage(), e);
        }
        return id == null ? new DeviceSet(s, t.devices(), t.comments()) : pick(s, family, t, ":" + id);
    }

    private static DeviceTable.Parsed bundled(String family) {
        if (family.equals("voltron")) {
            DeviceTable.Parsed t = voltron;
            if (t == null) {
                t = DeviceTable.resource(VOLTRON_RESOURCE, "voltron");
                voltron = t;
            }
            return t;
        }
        DeviceTable.Parsed t = diva;
        if (t == null) {
            t = DeviceTable.resource(DIVA_RESOURCE, "diva");
            diva = t;
        }
        return t;
    }
}
