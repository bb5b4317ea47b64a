package org.undervolt.dram.spec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.io.PlainJson;

/**
 * Reads Undervolt's own preset JSON (the files under {@code resources/org/undervolt/dram/presets/}).
 *
 * <p>Shape: {@code name}, {@code aliases[]}, {@code standard}, {@code sources[]}, {@code organization}
 * (channels, ranks, bankGroups, banks, rows, columns, width, devices, burstLength, dataRate, subarrayRows),
 * {@code timing} ({@code tCK_ns} and {@code cycles}: JEDEC name → cycles), {@code coreRail}, and
 * {@code rails[]} each with {@code name}, {@code volts} and {@code currents_mA} (IDD0, IDD2N, IDD3N, IDD4R,
 * IDD4W, IDD5B, optional IDD5PB, IDD2P0, IDD2P1, IDD3P0, IDD3P1, IDD6, IBETA), and optional {@code rho}.
 *
 * <p>Read with {@link PlainJson}, not Jackson: a command that names a built-in part loads no Jackson class.
 */
public final class PresetFormat {
    private PresetFormat() {
    }

    /** A parsed preset: the spec and the names it answers to. */
    public record Preset(DramSpec spec, List<String> aliases) {
    }

    public static Preset read(String file, InputStream in) throws IOException {
        Object root;
        try {
            root = PlainJson.parse(in.readAllBytes());
        } catch (PlainJson.SyntaxException e) {
            throw new InvalidInputException(file + ": not valid JSON at line " + e.line() + ": " + e.reason());
        }
        if (!(root instanceof Map)) {
            throw new InvalidInputException(file + ": expected a JSON object with an Undervolt DRAM preset");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) root;
        return parse(file, object);
    }

    static Preset parse(String file, Map<String, Object> root) {
        JsonFields f = new JsonFields(file);
        String name = f.string(root, "", "name");
        DramStandard standard = DramStandard.parse(f.string(root, "", "standard"));
        List<String> aliases = texts(root.get("aliases"));
        List<String> sources = texts(root.get("sources"));

        Map<String, Object> o = f.object(root, "", "organization");
        String op = "organization";
        Organization org;
        try {
            org = new Organization(f.positiveInt(o, op, "channels"), f.positiveInt(o, op, "ranks"),
                    f.optionalPositiveInt(o, op, "bankGroups", 1), f.positiveInt(o, op, "banks"),
                    f.positiveInt(o, op, "rows"), f.positiveInt(o, op, "columns"), f.positiveInt(o, op, "width"),
                    f.optionalPositiveInt(o, op, "devices", 1), f.positiveInt(o, op, "burstLength"),
                    f.optionalPositiveInt(o, op, "dataRate", 2), f.optionalPositiveInt(o, op, "subarrayRows", 512));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": organization: " + e.getMessage());
        }

        Map<String, Object> t = f.object(root, "", "timing");
        double tckNs = f.number(t, "timing", "tCK_ns");
        if (!(tckNs > 0)) {
            throw f.error("timing.tCK_ns", "is " + tckNs + ", expected a positive number of nanoseconds");
        }
        Map<String, Object> c = f.object(t, "timing", "cycles");
        Map<String, Integer> cycles = new LinkedHashMap<>();
        for (String k : c.keySet()) {
            cycles.put(k, f.nonNegativeInt(c, "timing.cycles", k));
        }
        for (String required : new String[] {"RCD", "RAS"}) {
            if (!cycles.containsKey(required)) {
                throw f.error("timing.cycles." + required, "is missing, expected an integer");
            }
        }
        Timings timings = new Timings(tckNs * 1e-9, cycles);

        String coreRail = root.containsKey("coreRail") ? f.string(root, "", "coreRail") : standard.coreRail();
        if (!(root.get("rails") instanceof List<?> rs) || rs.isEmpty()) {
            throw f.error("rails", "is missing, expected a non-empty array of rails");
        }
        List<Rail> rails = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            String rp = "rails[" + i + "]";
            if (!(rs.get(i) instanceof Map<?, ?>)) {
                throw f.error(rp, "is not an object, expected a rail with name, volts and currents_mA");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) rs.get(i);
            String rname = f.string(r, rp, "name");
            double volts = f.number(r, rp, "volts");
            if (!(volts > 0)) {
                throw f.error(rp + ".volts", "is " + volts + ", expected a positive voltage");
            }
            Map<String, Object> cur = f.object(r, rp, "currents_mA");
            String cp = rp + ".currents_mA";
            double idd0 = f.nonNegative(cur, cp, "IDD0");
            RailCurrents currents = new RailCurrents(idd0 * 1e-3,
                    f.nonNegative(cur, cp, "IDD2N") * 1e-3, f.nonNegative(cur, cp, "IDD3N") * 1e-3,
                    f.nonNegative(cur, cp, "IDD4R") * 1e-3, f.nonNegative(cur, cp, "IDD4W") * 1e-3,
                    f.nonNegative(cur, cp, "IDD5B") * 1e-3, f.optionalNonNegative(cur, cp, "IDD5PB", 0) * 1e-3,
                    f.optionalNonNegative(cur, cp, "IDD2P0", 0) * 1e-3,
                    f.optionalNonNegative(cur, cp, "IDD2P1", 0) * 1e-3,
                    f.optionalNonNegative(cur, cp, "IDD3P0", 0) * 1e-3,
                    f.optionalNonNegative(cur, cp, "IDD3P1", 0) * 1e-3,
                    f.optionalNonNegative(cur, cp, "IDD6", 0) * 1e-3,
                    f.optionalNonNegative(cur, cp, "IBETA", idd0) * 1e-3);
            rails.add(new Rail(rname, volts, currents));
        }
        if (rails.stream().noneMatch(r -> r.name().equals(coreRail))) {
            throw f.error("coreRail", "is '" + coreRail + "', expected one of the rail names "
                    + rails.stream().map(Rail::name).toList());
        }
        double rho = f.optionalNonNegative(root, "", "rho", 1.0);
        if (rho > 1) {
            throw f.error("rho", "is " + rho + ", expected a number in [0, 1]");
        }
        DramSpec spec = new DramSpec(name, standard, org, timings, rails, coreRail, rho, String.join("; ", sources));
        return new Preset(spec, aliases);
    }

    /** The elements of an optional array as text (a JSON string as itself, anything else as its JSON). */
    private static List<String> texts(Object array) {
        List<String> out = new ArrayList<>();
        if (array instanceof List<?> l) {
            for (Object e : l) {
                out.add(e instanceof String s ? s : String.valueOf(e));
            }
        }
        return out;
    }
}
