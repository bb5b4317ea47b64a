package org.undervolt.dram.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.InvalidInputException;

/**
 * The built-in DRAM parts, loaded from the JSON files under {@code org/undervolt/dram/presets/}
 * (listed in {@code index.txt}). Each file cites the datasheet / memspec its numbers come from.
 *
 * <p>Names are matched case-insensitively, by preset name or any alias (e.g. DRAMPower's memoryId).
 */
public final class DramPresets {
    private static final String DIR = "/org/undervolt/dram/presets/";
    private static volatile Registry registry;

    private DramPresets() {
    }

    private record Registry(Map<String, DramSpec> byKey, List<String> names, Map<String, List<String>> aliases) {
    }

    /** The preset called {@code name} (or one of its aliases); unknown names throw listing the known ones. */
    public static DramSpec get(String name) {
        DramSpec s = load().byKey.get(key(name));
        if (s == null) {
            throw new InvalidInputException("unknown DRAM preset '" + name + "', expected one of " + names());
        }
        return s;
    }

    /** The aliases of preset {@code name} (e.g. DDR4-2400 and the DRAMPower memoryId of DDR4-2400_4Gb_x8). */
    public static List<String> aliases(String name) {
        return load().aliases.getOrDefault(get(name).name(), List.of());
    }

    /** Preset names (without aliases) in index order. */
    public static List<String> names() {
        return load().names;
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static Registry load() {
        Registry r = registry;
        if (r == null) {
            synchronized (DramPresets.class) {
                r = registry;
                if (r == null) {
                    r = readAll();
                    registry = r;
                }
            }
        }
        return r;
    }

    private static Registry readAll() {
        Map<String, DramSpec> byKey = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        try (InputStream idx = DramPresets.class.getResourceAsStream(DIR + "index.txt")) {
            if (idx == null) {
                throw new IllegalStateException("preset index missing: " + DIR + "index.txt");
            }
            List<String> files = new BufferedReader(new InputStreamReader(idx, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            for (String f : files) {
                try (InputStream in = DramPresets.class.getResourceAsStream(DIR + f + ".json")) {
                    if (in == null) {
                        throw new IllegalStateException("preset file missing: " + DIR + f + ".json");
                    }
                    PresetFormat.Preset p = PresetFormat.read(f + ".json", in);
                    names.add(p.spec().name());
                    byKey.put(key(p.spec().name()), p.spec());
                    List<String> own = new ArrayList<>();
                    for (String a : p.aliases()) {
                        if (byKey.putIfAbsent(key(a), p.spec()) == null) {
                            own.add(a);
                        }
                    }
                    aliases.put(p.spec().name(), List.copyOf(own));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Registry(Collections.unmodifiableMap(byKey), List.copyOf(names), Collections.unmodifiableMap(aliases));
    }
}
