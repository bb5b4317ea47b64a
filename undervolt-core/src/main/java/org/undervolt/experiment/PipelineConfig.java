package org.undervolt.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.LoadedSpec;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.io.Json;
import org.undervolt.usecase.SettingNames;

/**
 * The settings of a pipeline run as a flat JSON object: a preset (a resource under
 * {@code org/undervolt/pipelines/}), overlaid by the user's config file, overlaid by {@code --set key=value}
 * flags. Only keys the preset defines are accepted, so a misspelt key is one line of bad input, not a
 * silently ignored setting; and every value is checked against its key's row in {@link PipelineKeys} when
 * the config is made, so a config that exists holds only good values (what depends on several keys:
 * {@link #checkTogether()}). Its canonical JSON is the run's identity: same text, same run.
 *
 * @param pipeline {@code eden} or {@code sparkxd}
 * @param values   the settings, in key order of the preset
 * @param origins  where each overlaid setting came from, e.g. {@code my.yaml line 12} (none for --set); not part of the identity
 */
public record PipelineConfig(String pipeline, Map<String, Object> values, Map<String, String> origins) {

    /**
     * Keys renamed to the CLI's words (issue 19: one vocabulary), old name to new: the DRAM part is {@code part}
     * as in {@code --part} ({@code --preset} names the pipeline preset), the row-buffer policy {@code row_policy} as
     * in {@code --row-policy}. An old name in a config or {@code --set} still works, with a one-line note on stderr.
     */
    static final Map<String, String> RENAMED = Map.of("preset", "part", "page_policy", "row_policy");

    /**
     * {@code key} of a stored run's configuration as it is shown now ({@code runs show}, {@code runs export}): a renamed
     * key's new name ({@code preset} is {@code part}), the demo's {@code scaling} (its identity's old name,
     * {@link DemoConfig#identity()}) {@code energy_law}, else itself.
     */
    public static String currentName(String key) {
        return key.equals("scaling") ? "energy_law" : RENAMED.getOrDefault(key, key);
    }

    /** New name to old: the identity ({@link #canonical()}) keeps the old names. */
    private static final Map<String, String> STORED_AS = Map.of("part", "preset", "row_policy", "page_policy");

    /**
     * The old key that named the BER(VDD) devices besides {@code devices} and won over it (issue 19 made them one
     * key, {@code devices}): in a config or {@code --set} its value, when not null, is {@code devices}'s, with a
     * one-line note; null (as printed configs carry it) sets nothing.
     */
    static final String OLD_DEVICES = "ber_table";

    public PipelineConfig {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        origins = Map.copyOf(origins);
        Map<String, PipelineKeys.Rule> rules = PipelineKeys.of(pipeline);
        for (var e : values.entrySet()) {
            PipelineKeys.Rule rule = rules.get(e.getKey());
            if (rule == null) {
                throw new IllegalStateException(pipeline + " setting '" + e.getKey() + "' has no row in PipelineKeys");
            }
            String problem = rule.problem(e.getValue());
            if (problem != null) {
                throw bad(pipeline, origins, e.getKey(), e.getValue(), problem);
            }
        }
    }

    /** The preset {@code <pipeline>-<name>.json}, e.g. {@code eden-quick}. */
    public static PipelineConfig preset(String pipeline, String name) {
        String res = "/org/undervolt/pipelines/" + pipeline + "-" + name + ".json";
        try (InputStream in = PipelineConfig.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new InvalidInputException("--preset " + name + ": no such " + pipeline + " preset; expected one of "
                        + presetNames(pipeline));
            }
            return new PipelineConfig(pipeline, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), res), Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + res, e);
        }
    }

    /** The preset names shipped for {@code pipeline}. */
    public static List<String> presetNames(String pipeline) {
        return switch (pipeline) {
            case "eden" -> List.of("quick", "lenet5-int8", "lenet5-fp32", "mlp-int8");
            case "sparkxd" -> List.of("quick", "n400", "n900", "n1600", "n2500", "n3600");
            default -> List.of();
        };
    }

    /** Overlays the object of settings in {@code file}, JSON or YAML ({@link ConfigFile}). */
    public PipelineConfig withFile(Path file) {
        ConfigFile f = ConfigFile.read(file);
        Map<String, String> where = new LinkedHashMap<>();
        f.values().keySet().forEach(k -> where.put(k, f.lines().containsKey(k) ? file + " line " + f.lines().get(k)
                : file.toString()));
        return with(f.values(), where, file.toString());
    }

    /** Overlays {@code key=value} settings; a value is parsed as JSON when it can be, else taken as text. */
    public PipelineConfig withSettings(List<String> settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq < 1) {
                throw new InvalidInputException("--set '" + s + "': expected KEY=VALUE, e.g. --set seed=2");
            }
            String v = s.substring(eq + 1);
            Object value;
            try {
                value = Json.mapper().readValue(v, Object.class);
            } catch (IOException e) {
                value = v;
            }
            m.put(s.substring(0, eq).trim(), value);
        }
        return with(m, Map.of(), "--set");
    }

    private PipelineConfig with(Map<String, Object> overlay, Map<String, String> where, String source) {
        Map<String, Object> next = new LinkedHashMap<>(values);
        Map<String, String> from = new LinkedHashMap<>(origins);
        if (overlay.containsKey(OLD_DEVICES) && values.containsKey("devices")) {
            Map<String, Object> renamed = new LinkedHashMap<>(overlay);
            Object devices = renamed.remove(OLD_DEVICES);
            if (devices != null) { // it won over devices: it is applied last
                System.err.println("config key '" + OLD_DEVICES + "' is now 'devices'");
                renamed.remove("devices");
                renamed.put("devices", devices);
                if (where.containsKey(OLD_DEVICES)) {
                    where = new LinkedHashMap<>(where);
                    where.put("devices", where.get(OLD_DEVICES));
                }
            }
            overlay = renamed;
        }
        for (var given : overlay.entrySet()) {
            // "scaling" was the energy law's name before "energy_law" (issue 16); old configs keep working
            var e = given.getKey().equals("scaling") && values.containsKey("energy_law")
                    ? Map.entry("energy_law", given.getValue()) : given;
            String renamed = RENAMED.get(e.getKey());
            if (renamed != null && values.containsKey(renamed)) {
                System.err.println("config key '" + e.getKey() + "' is now '" + renamed + "'");
                e = Map.entry(renamed, e.getValue());
            }
            if (!values.containsKey(e.getKey())) {
                throw new InvalidInputException(where.getOrDefault(e.getKey(), source) + ": unknown " + pipeline
                        + " setting '" + e.getKey() + "'" + NearNames.hint(e.getKey(), values.keySet())
                        + "; expected one of " + new TreeMap<>(values).keySet());
            }
            next.put(e.getKey(), e.getValue());
            if (where.containsKey(e.getKey())) {
                from.put(e.getKey(), where.get(e.getKey()));
            } else {
                from.remove(e.getKey()); // a flag names itself
            }
        }
        return new PipelineConfig(pipeline, next, from);
    }

    private static Map<String, Object> parse(String text, String where) {
        try {
            return Json.mapper().readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new InvalidInputException(where + ": not a JSON object of settings (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** The settings, in key order of the preset (a copy). */
    @Override
    public Map<String, Object> values() {
        return new LinkedHashMap<>(values);
    }

    /**
     * Checks what depends on several keys ({@link PipelineKeys#together}): the mapping settings as one, the ends of
     * each BER range, the error model with its device seed. Run on the final config, before it is printed,
     * estimated or run.
     */
    public PipelineConfig checkTogether() {
        PipelineKeys.together(this);
        return this;
    }

    /**
     * The canonical JSON text: the run's identity. A renamed key is written under its old name ({@link #RENAMED}),
     * so a run folder or stored run made before the rename is found again by the same settings; so is
     * {@code devices} as the two keys it was ({@link #OLD_DEVICES}): a bundled selector ({@code voltron...},
     * {@code diva...}) as {@code devices} with {@code ber_table} null, a file as {@code ber_table} with
     * {@code devices} {@code voltron}, the way the presets and the docs put them. A {@code part} read from a memspec file
     * adds {@code part_sha256}, its content's hash.
     */
    public String canonical() {
        Map<String, Object> stored = new LinkedHashMap<>();
        values.forEach((k, v) -> stored.put(STORED_AS.getOrDefault(k, k), v));
        // a key added after runs were made is part of the identity only when set: null is what those runs did
        PipelineKeys.ADDED_AS_NULL.forEach(k -> {
            if (stored.containsKey(k) && stored.get(k) == null) {
                stored.remove(k);
            }
        });
        if (stored.get("devices") instanceof String devices) {
            boolean bundled = org.undervolt.dram.device.DeviceSet.isBundled(devices);
            stored.put("devices", bundled ? devices : "voltron");
            stored.put(OLD_DEVICES, bundled ? null : devices);
        }
        if (values.get("part") instanceof String part) {
            LoadedSpec p = MemspecLoader.resolve(part);
            if (p.fromFile()) { // a part read from a file is its content: two files of one name are two runs
                stored.put("part_sha256", p.sha256());
            }
        }
        return Json.canonical(stored);
    }

    private Object get(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalStateException("pipeline reads undefined setting " + key);
        }
        return values.get(key);
    }

    public String text(String key) {
        Object v = get(key);
        if (!(v instanceof String s)) {
            throw bad(key, v, "a string");
        }
        return s;
    }

    /** A text setting that may be null (e.g. an optional model file). */
    public String optionalText(String key) {
        Object v = get(key);
        return v == null ? null : text(key);
    }

    public double number(String key) {
        Object v = get(key);
        if (!(v instanceof Number n)) {
            throw bad(key, v, "a number");
        }
        return n.doubleValue();
    }

    /** A number in [lo, hi]. */
    public double number(String key, double lo, double hi) {
        double d = number(key);
        if (!(d >= lo && d <= hi)) {
            throw bad(key, d, "a number in [" + lo + ", " + hi + "]");
        }
        return d;
    }

    /** An integer in [lo, hi]. */
    public long integer(String key, long lo, long hi) {
        Object v = get(key);
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < lo || ((Number) v).longValue() > hi) {
            throw bad(key, v, "an integer in " + lo + ".." + hi);
        }
        return ((Number) v).longValue();
    }

    public int integer(String key, int lo, int hi) {
        return (int) integer(key, (long) lo, (long) hi);
    }

    /** An integer setting in [lo, hi] that may be null (e.g. a count that defaults to another setting). */
    public Integer optionalInteger(String key, int lo, int hi) {
        return get(key) == null ? null : integer(key, lo, hi);
    }

    public boolean flag(String key) {
        Object v = get(key);
        if (!(v instanceof Boolean b)) {
            throw bad(key, v, "true or false");
        }
        return b;
    }

    public List<String> texts(String key) {
        Object v = get(key);
        if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
            throw bad(key, v, "a list of strings");
        }
        List<String> out = new ArrayList<>();
        l.forEach(x -> out.add((String) x));
        return out;
    }

    /** Runs {@code check}; bad input it throws is said again as this setting's: key, value, where from, the complaint. */
    void named(String key, Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            throw bad(pipeline, origins, key, values.get(key), e.getMessage().replaceFirst("^--[a-z-]+:? ", ""));
        }
    }

    /** How this config's keys are named in messages: {@code eden setting 'vdd_step' (my.yaml line 3) =}. */
    public SettingNames names() {
        return k -> pipeline + " setting '" + k + "'" + (origins.containsKey(k) ? " (" + origins.get(k) + ")" : "") + " =";
    }

    InvalidInputException bad(String key, Object v, String expected) {
        return bad(pipeline, origins, key, v, "expected " + expected);
    }

    /** {@code eden setting 'trials' = -3 (c.yaml line 4): expected an integer in 2..10000}. */
    private static InvalidInputException bad(String pipeline, Map<String, String> origins, String key, Object v, String problem) {
        String from = origins.get(key);
        return new InvalidInputException(pipeline + " setting '" + key + "' = " + v + (from == null ? "" : " (" + from + ")")
                + ": " + problem);
    }
}
