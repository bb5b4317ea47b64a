package org.undervolt.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.device.BerBound;
import org.undervolt.dram.device.DeviceCurve;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.device.Knob;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.mapping.OperatingPointBer;
import org.undervolt.resilience.DataKind;
import org.undervolt.storage.Formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a sweep spec JSON file. Checkpoint paths are relative to the spec file's folder; their bytes
 * are read here, on the driver, and travel inside the spec. Example:
 * <pre>{@code
 * {
 *   "networks": [{"label": "mlp", "checkpoint": "mlp.uvnn"}],
 *   "dataset": "mnist",
 *   "test_images": 1000, "profile_images": 500,
 *   "error_models": ["uniform", "bitline:0.5"],
 *   "bers": [1e-5, 1e-4, 1e-3],
 *   "trials": 20, "seed": 1,
 *   "data": ["weights"], "weight_format": "int8", "ifm_format": "int8",
 *   "value_correction": false, "device_seed": 1
 * }
 * }</pre>
 * Keys after {@code seed} are optional, with the defaults shown. A network's {@code label} is the name its results are
 * reported under (free text without {@code ;} or {@code =}; {@code name} is its earlier spelling); what network it is
 * comes from its file. Instead of {@code seed}, a list
 * {@code "seeds": [1, 2, 3]} of distinct master seeds adds a seeds axis: every trial is run under
 * each seed, and the first is the run's recorded seed; {@code "seeds": [s]} is the same spec as
 * {@code "seed": s}. A network's file may be a DNN checkpoint or an SNN model written by
 * {@code undervolt snn train} (told apart by their first bytes). Instead of {@code bers}, the points
 * may be supply voltages, {@code "vdds": [1.35, 1.30, 1.25]}, turned into BERs on the driver with a
 * device's BER(VDD) curve: {@code "ber_vdd_table": "voltron:B7"} (one bundled device), or a file relative to the spec
 * (a {@code vdd_v,ber} table or a one-device device table), else {@link OperatingPointBer#DEFAULT_VDD_DEVICE}.
 * Likewise {@code "trcds": [1.0, 0.8, 0.7]} (tRCD as a fraction of nominal) with an optional
 * {@code "ber_trcd_table"} naming one BER(tRCD) device (default {@link OperatingPointBer#DEFAULT_TRCD_DEVICE}).
 * Settings below a device's data are rejected (no clamp).
 */
public final class SweepSpecReader {
    private static final Set<String> KEYS = Set.of("networks", "dataset", "test_images", "profile_images",
            "error_models", "bers", "trials", "seed", "data", "weight_format", "ifm_format", "value_correction",
            "device_seed", "vdds", "ber_vdd_table", "trcds", "ber_trcd_table", "seeds");
    private static final List<String> POINT_KEYS = List.of("bers", "vdds", "trcds");
    /** The keys of a {@code networks} entry; {@code name} is the earlier spelling of {@code label}. */
    private static final Set<String> NETWORK_KEYS = Set.of("label", "name", "checkpoint");

    private SweepSpecReader() {
    }

    public static SweepSpec read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidInputException("sweep spec " + file + ": cannot read as JSON (" + firstLine(e.getMessage())
                    + "): expected a JSON object");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("sweep spec " + file + ": expected a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new InvalidInputException("sweep spec " + file + ": unknown key '" + k + "'"
                        + NearNames.hint(k, KEYS) + "; expected " + new java.util.TreeSet<>(KEYS));
            }
        }
        Path base = file.toAbsolutePath().getParent();
        List<SweepNetwork> networks = new ArrayList<>();
        JsonNode networkList = array(root, "networks", file);
        for (int i = 0; i < networkList.size(); i++) {
            JsonNode n = networkList.get(i);
            String name = label(n, "networks[" + i + "]", file);
            Path ckpt = base.resolve(text(n, "checkpoint", file));
            try {
                SweepNetwork net = new SweepNetwork(name, Files.readAllBytes(ckpt));
                if (net.kind() == SweepNetwork.Kind.SNN) {
                    net.loadSnn(); // a corrupt or unlabelled model fails here, on the driver
                }
                networks.add(net);
            } catch (IOException e) {
                throw new InvalidInputException("sweep spec " + file + ": networks: checkpoint " + ckpt + " cannot be read");
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("sweep spec " + file + ": networks: " + e.getMessage());
            }
        }
        List<String> models = new ArrayList<>();
        JsonNode modelList = array(root, "error_models", file);
        for (int i = 0; i < modelList.size(); i++) {
            JsonNode m = modelList.get(i);
            String key = "error_models[" + i + "]";
            if (!m.isTextual()) {
                throw new InvalidInputException("sweep spec " + file + ": " + key + ": expected an error model name such as "
                        + "\"uniform\" or \"bitline:0.5\", got " + m);
            }
            checked(file, key, () -> ErrorModelRegistry.parse(m.asText()));
            models.add(m.asText());
        }
        String weightFormat = format(root, "weight_format", file);
        String ifmFormat = format(root, "ifm_format", file);
        List<String> given = POINT_KEYS.stream().filter(root::has).toList();
        if (given.size() != 1) {
            throw new InvalidInputException("sweep spec " + file + ": give exactly one of 'bers', 'vdds' and 'trcds'");
        }
        String pointKey = given.get(0);
        List<Double> points = new ArrayList<>();
        for (JsonNode b : array(root, pointKey, file)) {
            if (!b.isNumber()) {
                throw new InvalidInputException("sweep spec " + file + ": " + pointKey + ": expected numbers, got " + b);
            }
            points.add(b.asDouble());
        }
        for (String[] pair : new String[][] {{"vdds", "ber_vdd_table"}, {"trcds", "ber_trcd_table"}}) {
            if (root.has(pair[1]) && !pointKey.equals(pair[0])) {
                throw new InvalidInputException("sweep spec " + file + ": '" + pair[1] + "' goes with '" + pair[0] + "'");
            }
        }
        String pointSource = "bers";
        List<Double> bers = points;
        if (pointKey.equals("vdds") || pointKey.equals("trcds")) {
            boolean vdds = pointKey.equals("vdds");
            String key = vdds ? "ber_vdd_table" : "ber_trcd_table";
            boolean own = root.has(key);
            String named = own ? text(root, key, file) : vdds ? OperatingPointBer.DEFAULT_VDD_DEVICE : OperatingPointBer.DEFAULT_TRCD_DEVICE;
            String resolved = own && Files.exists(base.resolve(named)) ? base.resolve(named).toString() : named;
            DeviceSet set = DeviceSet.fromBerTable(resolved);
            if (set.devices().size() != 1 || set.knob() != (vdds ? Knob.VDD : Knob.TRCD)) {
                throw new InvalidInputException("sweep spec " + file + ": " + key + " '" + named + "': expected one "
                        + (vdds ? "BER(VDD) device, e.g. voltron:B8" : "BER(tRCD) device, e.g. diva:A01") + ", got "
                        + set.devices().size() + " " + set.knob().label() + " device(s)");
            }
            DeviceCurve curve = set.devices().get(0).curve(BerBound.LOWER);
            double scale = vdds ? 1 : set.nominal();
            bers = points.stream().map(x -> curve.ber(x * scale, FloorPolicy.STOP)).toList();
            pointSource = pointKey + " " + points + (vdds ? " V" : " x nominal") + " via device " + set.devices().get(0).name()
                    + (own ? " (" + named + ")" : " (default)");
        }
        Set<DataKind> kinds = EnumSet.noneOf(DataKind.class);
        if (root.has("data")) {
            JsonNode data = array(root, "data", file);
            for (int i = 0; i < data.size(); i++) {
                JsonNode d = data.get(i);
                kinds.add(checked(file, "data[" + i + "]", () -> DataKind.parse(d.asText())));
            }
        } else {
            kinds.add(DataKind.WEIGHTS);
        }
        long[] seeds = seeds(root, file);
        JsonNode correction = root.path("value_correction");
        if (!correction.isMissingNode() && !correction.isBoolean()) {
            throw new InvalidInputException("sweep spec " + file + ": value_correction: expected true or false, got " + correction);
        }
        return new SweepSpec(networks, new DatasetRef(text(root, "dataset", file)),
                integer(root, "test_images", 1000, file), integer(root, "profile_images", 500, file), models,
                bers.stream().mapToDouble(Double::doubleValue).toArray(), integer(root, "trials", -1, file),
                seeds[0], kinds, weightFormat, ifmFormat, correction.asBoolean(false),
                root.has("device_seed") ? longValue(root, "device_seed", file)
                        : org.undervolt.dram.error.WeakCells.DEFAULT_DEVICE_SEED, pointSource, seeds);
    }

    /** {@code [seed]}, or the {@code seeds} list; exactly one of the two keys. */
    private static long[] seeds(JsonNode root, Path file) {
        if (root.has("seed") == root.has("seeds")) {
            throw new InvalidInputException("sweep spec " + file + ": give exactly one of 'seed' (an integer) and "
                    + "'seeds' (a list of distinct integers)");
        }
        if (root.has("seed")) {
            return new long[] {longValue(root, "seed", file)};
        }
        JsonNode a = array(root, "seeds", file);
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = a.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new InvalidInputException("sweep spec " + file + ": seeds: expected integers, got " + v);
            }
            out[i] = v.asLong();
        }
        return out;
    }

    private static JsonNode array(JsonNode root, String key, Path file) {
        JsonNode a = root.get(key);
        if (a == null || !a.isArray() || a.isEmpty()) {
            throw new InvalidInputException("sweep spec " + file + ": '" + key + "' must be a non-empty array");
        }
        return a;
    }

    /**
     * The label of a {@code networks} entry: what its results are reported under (the point keys' {@code network=}),
     * free text, not a network name; {@code name} is its earlier spelling. The network itself is the checkpoint's.
     */
    private static String label(JsonNode n, String at, Path file) {
        if (!n.isObject()) {
            throw new InvalidInputException("sweep spec " + file + ": " + at + ": expected an object such as "
                    + "{\"label\": \"mlp\", \"checkpoint\": \"mlp.uvnn\"}, got " + n);
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!NETWORK_KEYS.contains(k)) {
                throw new InvalidInputException("sweep spec " + file + ": " + at + ": unknown key '" + k + "'; expected "
                        + "'label' (the name its results are reported under) and 'checkpoint' (the network's file, "
                        + "a DNN checkpoint or an SNN model, which says what network it is)");
            }
        }
        if (n.has("label") && n.has("name")) {
            throw new InvalidInputException("sweep spec " + file + ": " + at + ": give 'label' or its earlier spelling "
                    + "'name', not both");
        }
        return text(n, n.has("name") ? "name" : "label", file);
    }

    private static String text(JsonNode n, String key, Path file) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidInputException("sweep spec " + file + ": '" + key + "' must be a non-empty string");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String key, int dflt, Path file) {
        JsonNode v = n.get(key);
        if (v == null && dflt >= 0) {
            return dflt;
        }
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new InvalidInputException("sweep spec " + file + ": " + key + (v == null ? " is missing" : " " + v)
                    + ": expected an integer >= 1");
        }
        return v.asInt();
    }

    /** A storage format key ({@code weight_format}, {@code ifm_format}), {@code int8} when absent. */
    private static String format(JsonNode root, String key, Path file) {
        JsonNode v = root.get(key);
        if (v == null) {
            return "int8";
        }
        if (!v.isTextual()) {
            throw new InvalidInputException("sweep spec " + file + ": " + key + ": expected a format name such as \"int8\", got " + v);
        }
        checked(file, key, () -> Formats.byName(v.asText()));
        return v.asText();
    }

    /** {@code read}'s value, or its complaint as one line naming the file and the key. */
    private static <T> T checked(Path file, String key, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidInputException | IllegalArgumentException e) {
            throw new InvalidInputException("sweep spec " + file + ": " + key + ": " + e.getMessage());
        }
    }

    private static long longValue(JsonNode n, String key, Path file) {
        JsonNode v = n.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new InvalidInputException("sweep spec " + file + ": '" + key + "' must be an integer");
        }
        return v.asLong();
    }

    private static String firstLine(String s) {
        return s == null ? "no detail" : s.lines().findFirst().orElse("");
    }
}
