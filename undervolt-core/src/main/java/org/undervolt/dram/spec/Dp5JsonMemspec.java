package org.undervolt.dram.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;

/**
 * Reads a DRAMPower 5.x JSON memspec ({@code {"memspec": {memoryId, memoryType, memarchitecturespec,
 * mempowerspec, memtimingspec, bankwisespec, ...}}}), as in tukl-msd/DRAMPower v5.1
 * {@code tests/tests_drampower/resources/*.json}. Currents are in amperes and {@code tCK} in seconds.
 *
 * <p>Rails are found by their voltage keys: {@code vdd}/{@code vpp} (DDR4, DDR5: currents {@code idd0},
 * {@code ipp0}, ...), {@code vdd1}/{@code vdd2} (LPDDR4: {@code idd01}, {@code idd02}, ...) and
 * {@code vdd1}/{@code vdd2h}/{@code vdd2l} (LPDDR5). {@code vddq} (interface) is not a core rail.
 * {@code iBeta_<rail>} defaults to IDD0 and {@code bankwisespec.factRho} to 1.
 */
public final class Dp5JsonMemspec {
    private static final String[] RAIL_KEYS = {"vdd", "vpp", "vdd1", "vdd2", "vdd2h", "vdd2l"};

    private Dp5JsonMemspec() {
    }

    public static DramSpec parse(String file, Map<String, Object> root, String text) {
        JsonFields f = new JsonFields(file, text);
        Map<String, Object> m = f.object(root, "", "memspec");
        String p = "memspec";
        String id = m.containsKey("memoryId") ? f.string(m, p, "memoryId") : file;
        DramStandard std = DramStandard.parseModelled(f.string(m, p, "memoryType"), file + ": " + p + ".memoryType");

        Map<String, Object> a = f.object(m, p, "memarchitecturespec");
        String ap = p + ".memarchitecturespec";
        int channels = a.containsKey("nbrOfChannels") ? f.nonNegativeInt(a, ap, "nbrOfChannels") : 1;
        Organization org;
        try {
            org = new Organization(Math.max(1, channels), f.positiveInt(a, ap, "nbrOfRanks"),
                    f.optionalPositiveInt(a, ap, "nbrOfBankGroups", 1), f.positiveInt(a, ap, "nbrOfBanks"),
                    f.positiveInt(a, ap, "nbrOfRows"), f.positiveInt(a, ap, "nbrOfColumns"), f.positiveInt(a, ap, "width"),
                    f.optionalPositiveInt(a, ap, "nbrOfDevices", 1), f.positiveInt(a, ap, "burstLength"),
                    f.optionalPositiveInt(a, ap, "dataRate", 2), 512);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": " + ap + ": " + e.getMessage());
        }

        Map<String, Object> t = f.object(m, p, "memtimingspec");
        String tp = p + ".memtimingspec";
        double tck = f.number(t, tp, "tCK");
        if (!(tck > 0 && tck < 1e-6)) {
            throw f.error(tp + ".tCK", "is " + tck + ", expected the clock period in seconds (e.g. 8.33e-10)");
        }
        Map<String, Integer> cycles = new LinkedHashMap<>();
        for (String k : t.keySet()) {
            if (!k.equals("tCK")) {
                cycles.put(k, f.nonNegativeInt(t, tp, k));
            }
        }
        for (String req : new String[] {"RAS", "RCD"}) {
            if (!cycles.containsKey(req)) {
                throw f.error(tp + "." + req, "is missing, expected cycles");
            }
        }
        Timings timings = new Timings(tck, cycles);
        if (timings.rp() == 0 && !cycles.containsKey("RP") && !cycles.containsKey("RPpb") && !cycles.containsKey("RPab")) {
            throw f.error(tp + ".RP", "is missing, expected cycles");
        }

        Map<String, Object> pw = f.object(m, p, "mempowerspec");
        String pp = p + ".mempowerspec";
        List<Rail> rails = new ArrayList<>();
        for (String rk : RAIL_KEYS) {
            if (pw.containsKey(rk)) {
                rails.add(rail(f, pw, pp, rk));
            }
        }
        if (rails.isEmpty()) {
            throw f.error(pp + ".vdd", "is missing, expected rail voltages (vdd/vpp, vdd1/vdd2, or vdd1/vdd2h/vdd2l)");
        }
        String core = rails.stream().anyMatch(r -> r.name().equals(std.coreRail())) ? std.coreRail() : rails.get(0).name();

        double rho = 1.0;
        if (m.get("bankwisespec") instanceof Map<?, ?> bw && bw.containsKey("factRho")) {
            rho = f.number(f.object(m, p, "bankwisespec"), p + ".bankwisespec", "factRho");
            if (rho < 0 || rho > 1) {
                throw f.error(p + ".bankwisespec.factRho", "is " + rho + ", expected a number in [0, 1]");
            }
        }
        return new DramSpec(id, std, org, timings, rails, core, rho, "DRAMPower 5 JSON memspec " + file);
    }

    private static Rail rail(JsonFields f, Map<String, Object> pw, String pp, String rk) {
        double v = f.number(pw, pp, rk);
        if (!(v > 0)) {
            throw f.error(pp + "." + rk, "is " + v + ", expected a positive voltage");
        }
        String prefix = rk.equals("vpp") ? "ipp" : "idd";
        String suffix = rk.startsWith("vdd") ? rk.substring(3) : "";
        double idd0 = cur(f, pw, pp, true, prefix + "0" + suffix);
        double idd2p = cur(f, pw, pp, false, prefix + "2p" + suffix);
        double idd3p = cur(f, pw, pp, false, prefix + "3p" + suffix);
        double ibeta = pw.containsKey("iBeta_" + rk) ? cur(f, pw, pp, true, "iBeta_" + rk) : idd0;
        RailCurrents c = new RailCurrents(idd0,
                cur(f, pw, pp, true, prefix + "2n" + suffix),
                cur(f, pw, pp, true, prefix + "3n" + suffix),
                cur(f, pw, pp, true, prefix + "4r" + suffix),
                cur(f, pw, pp, true, prefix + "4w" + suffix),
                cur(f, pw, pp, false, prefix + "5B" + suffix, prefix + "5b" + suffix, prefix + "5" + suffix),
                cur(f, pw, pp, false, prefix + "5pb" + suffix),
                idd2p, idd2p, idd3p, idd3p,
                cur(f, pw, pp, false, prefix + "6n" + suffix, prefix + "6" + suffix),
                ibeta);
        return new Rail(rk.toUpperCase(java.util.Locale.ROOT), v, c);
    }

    /** The first present key among {@code keys} (amperes), 0 when none and not required. */
    private static double cur(JsonFields f, Map<String, Object> pw, String pp, boolean required, String... keys) {
        for (String k : keys) {
            if (pw.containsKey(k)) {
                return f.nonNegative(pw, pp, k);
            }
        }
        if (required) {
            throw f.error(pp + "." + keys[0], "is missing, expected a current in amperes");
        }
        return 0;
    }
}
