package org.undervolt.dram.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.DramStandard;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Timings;
import org.undervolt.io.PlainJson;

/**
 * Organisation and speed-bin presets of DDR3, DDR4 (under Ramulator 2's names) and LPDDR3 ({@code DDR4_8Gb_x8},
 * {@code DDR4_2400R}, {@code DDR3_4Gb_x8}, {@code DDR3_1600K} ...), read from the data files
 * {@code org/undervolt/dram/sim/DDR3.json}, {@code DDR4.json} and {@code LPDDR3.json}; each file lists its sources (JEDEC
 * JESD79-3 / JESD79-4 speed bins, and where the values follow Ramulator 2.0a's conventions instead).
 *
 * <p>Derived values follow the standards: tRRD_S/L and tFAW by data rate and device width, tRFC by density,
 * tREFI = 7.8 us, all converted to cycles with {@link SimTimings#nsToCycles}.
 */
public final class SimPresets {
    private static final String DIR = "/org/undervolt/dram/sim/";
    private static final List<String> STANDARDS = List.of("DDR3", "DDR4", "LPDDR3");
    private static final Map<String, Map<String, Object>> CACHE = new LinkedHashMap<>();

    private SimPresets() {
    }

    /** The standards with presets. */
    public static List<String> standards() {
        return STANDARDS;
    }

    /** Organisation preset names of {@code standard}. */
    public static List<String> organizations(String standard) {
        return names(map(file(standard), "organizations"));
    }

    /** Timing preset names of {@code standard}. */
    public static List<String> timings(String standard) {
        return names(map(file(standard), "timings"));
    }

    /** The default organisation preset of {@code standard} (the one the golden Ramulator configs use). */
    public static String defaultOrganization(String standard) {
        return (String) file(standard).get("default_organization");
    }

    /** The default timing preset of {@code standard}. */
    public static String defaultTiming(String standard) {
        return (String) file(standard).get("default_timing");
    }

    /** The standard name, normalised ("ddr4" → "DDR4"), or null if there are no presets for it. */
    public static String standardOf(String name) {
        String s = name.trim().toUpperCase(Locale.ROOT);
        return STANDARDS.contains(s) ? s : null;
    }

    /**
     * Resolves presets into the simulator's view of the part ({@link #part}).
     *
     * @throws InvalidInputException on an unknown standard or preset, or ranks/channels below 1
     */
    public static SimSpec resolve(String standard, String org, String timing, int channels, int ranks) {
        return SimSpec.of(part(standard, org, timing, channels, ranks));
    }

    /** Between the organisation and the speed bin in a preset pair's part name ({@link #partName}). */
    public static final String SEPARATOR = "+";

    /** The part name of an organisation and a speed-bin preset: {@code DDR4_8Gb_x8+DDR4_2400R}, what {@link #byName} reads. */
    public static String partName(String organization, String timing) {
        return organization + SEPARATOR + timing;
    }

    /**
     * The part called {@code name} when it names a preset pair, {@code <organisation>+<speed bin>} as {@link #part}
     * names its parts (e.g. {@code DDR4_8Gb_x8+DDR4_2400R}; a space instead of the {@code +}, as parts were named
     * before, is read too), with {@code channels} x {@code ranks}; null when {@code name} is not of that form (two
     * words, the first an organisation preset of some standard), so that it may name another part.
     *
     * @throws InvalidInputException on a speed bin not of the organisation's standard, or ranks/channels below 1
     */
    public static DramSpec byName(String name, int channels, int ranks) {
        String[] words = name.trim().split("\\s*\\" + SEPARATOR + "\\s*|\\s+");
        if (words.length != 2) {
            return null;
        }
        for (String standard : STANDARDS) {
            if (canonical(map(file(standard), "organizations"), words[0]) != null) {
                try {
                    return part(standard, words[0], words[1], channels, ranks);
                } catch (InvalidInputException e) { // said of the name, not of --org / --timing
                    throw new InvalidInputException(e.getMessage().replaceFirst("^--(org|timing): ", ""), e);
                }
            }
        }
        return null;
    }

    /**
     * The part an organisation preset and a speed-bin preset describe: a timing-only {@link DramSpec} (Ramulator's
     * presets carry no currents) named {@code "<organisation>+<timing>"} ({@link #partName}), its timing rows under the JEDEC names
     * every reader uses (RCD, RP, RAS, RC, WR, RTP, CL, WL, CCD_S/L, RRD_S/L, WTR_S/L, FAW, RFC, REFI, CS; LPDDR3
     * also RPab and DQSCK). {@code org} and {@code timing} may be null (the standard's defaults).
     *
     * @throws InvalidInputException on an unknown standard or preset, or ranks/channels below 1
     */
    public static DramSpec part(String standard, String org, String timing, int channels, int ranks) {
        String std = standardOf(standard);
        if (std == null) {
            throw new InvalidInputException("--standard: unknown standard '" + standard + "', expected one of " + STANDARDS);
        }
        if (channels < 1 || ranks < 1) {
            throw new InvalidInputException("--channels/--ranks: expected at least 1, got channels=" + channels + ", ranks=" + ranks);
        }
        Map<String, Object> f = file(std);
        String orgName = org == null ? defaultOrganization(std) : org.trim();
        String timingName = timing == null ? defaultTiming(std) : timing.trim();
        Map<String, Object> o = map(lookup(map(f, "organizations"), orgName));
        if (o == null) {
            throw new InvalidInputException("--org: unknown " + std + " organisation preset '" + orgName + "', expected one of "
                    + organizations(std));
        }
        List<?> t = (List<?>) lookup(map(f, "timings"), timingName);
        if (t == null) {
            throw new InvalidInputException("--timing: unknown " + std + " timing preset '" + timingName + "', expected one of "
                    + timings(std));
        }
        int dq = integer(o.get("dq"));
        int bankGroups = integer(o.get("bankgroups"));
        int banks = bankGroups * integer(o.get("banks_per_group"));
        int prefetch = integer(f.get("prefetch"));
        int channelWidth = integer(f.get("channel_width_bits"));
        Organization organization = new Organization(channels, ranks, bankGroups, banks, integer(o.get("rows")),
                integer(o.get("columns")), dq, channelWidth / dq, prefetch, 2, 512);

        Map<String, Integer> v = new LinkedHashMap<>();
        List<?> cols = (List<?>) f.get("timing_columns");
        for (int i = 0; i < cols.size(); i++) {
            v.put((String) cols.get(i), integer(t.get(i)));
        }
        int rate = v.get("rate");
        int tckPs = (int) (1e6 / (rate / 2));
        if (v.get("nBL") != organization.burstCycles()) {
            throw new IllegalStateException(std + " presets: nBL " + v.get("nBL") + " is not prefetch / 2 = "
                    + organization.burstCycles());
        }
        int rateIdx = -1;
        List<?> rates = (List<?>) f.get("rates");
        for (int i = 0; i < rates.size(); i++) {
            if (integer(rates.get(i)) == rate) {
                rateIdx = i;
            }
        }
        Map<String, Object> byRate = map(f, "by_rate_and_dq");
        for (String name : List.of("nRRDS", "nRRDL", "nFAW")) {
            List<?> row = (List<?>) map(byRate, name).get(Integer.toString(dq));
            if (row == null || rateIdx < 0) {
                throw new InvalidInputException("--timing: no " + name + " for x" + dq + " at " + rate + " MT/s in the " + std + " tables");
            }
            v.put(name, integer(row.get(rateIdx)));
        }
        Number rfc = (Number) map(f, "tRFC_ns_by_density_Mb").get(Integer.toString(integer(o.get("density_Mb"))));
        if (rfc == null) {
            throw new InvalidInputException("--org: no tRFC for density " + integer(o.get("density_Mb")) + " Mb");
        }
        v.put("nRFC", SimTimings.nsToCycles(rfc.doubleValue(), tckPs));
        v.put("nREFI", SimTimings.nsToCycles(((Number) f.get("tREFI_ns")).doubleValue(), tckPs));
        Map<String, Integer> cycles = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : JEDEC_NAMES.entrySet()) {
            Integer c = v.get(e.getKey());
            if (c != null) {
                cycles.put(e.getValue(), c);
            }
        }
        String orgCanon = canonical(map(f, "organizations"), orgName);
        String timingCanon = canonical(map(f, "timings"), timingName);
        DramStandard s = DramStandard.parse(std);
        List<String> sources = new ArrayList<>();
        for (Object x : (List<?>) f.get("sources")) {
            sources.add((String) x);
        }
        return new DramSpec(partName(orgCanon, timingCanon), s, organization, new Timings(tckPs * 1e-12, cycles), List.of(),
                s.coreRail(), 1.0, "Ramulator 2.0a presets " + orgCanon + " + " + timingCanon + " (timing only, no currents): "
                + String.join("; ", sources));
    }

    /** The data files' column names → the JEDEC row names of {@link Timings}. */
    private static final Map<String, String> JEDEC_NAMES = jedecNames();

    private static Map<String, String> jedecNames() {
        Map<String, String> m = new LinkedHashMap<>();
        String[][] pairs = {{"nRCD", "RCD"}, {"nRP", "RP"}, {"nRAS", "RAS"}, {"nRC", "RC"}, {"nRFC", "RFC"},
            {"nREFI", "REFI"}, {"nCL", "CL"}, {"nCWL", "WL"}, {"nWR", "WR"}, {"nRTP", "RTP"}, {"nCCDS", "CCD_S"},
            {"nCCDL", "CCD_L"}, {"nRRDS", "RRD_S"}, {"nRRDL", "RRD_L"}, {"nWTRS", "WTR_S"}, {"nWTRL", "WTR_L"},
            {"nFAW", "FAW"}, {"nCS", "CS"}, {"nRPab", "RPab"}, {"nDQSCK", "DQSCK"}};
        for (String[] p : pairs) {
            m.put(p[0], p[1]);
        }
        return m;
    }

    private static Object lookup(Map<String, Object> map, String name) {
        String c = canonical(map, name);
        return c == null ? null : map.get(c);
    }

    private static String canonical(Map<String, Object> map, String name) {
        for (String k : map.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    private static List<String> names(Map<String, Object> map) {
        return new ArrayList<>(map.keySet());
    }

    /** The object under {@code key} of {@code object}. */
    private static Map<String, Object> map(Map<String, Object> object, String key) {
        return map(object.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object jsonObject) {
        return (Map<String, Object>) jsonObject;
    }

    private static int integer(Object jsonNumber) {
        return ((Number) jsonNumber).intValue();
    }

    /** The data file of {@code standard}, read once (with {@link PlainJson}: no Jackson at a simulation's start). */
    private static synchronized Map<String, Object> file(String standard) {
        Map<String, Object> f = CACHE.get(standard);
        if (f == null) {
            try (InputStream in = SimPresets.class.getResourceAsStream(DIR + standard + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("preset file missing: " + DIR + standard + ".json");
                }
                f = map(PlainJson.parse(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            CACHE.put(standard, f);
        }
        return f;
    }
}
