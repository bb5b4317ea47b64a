package org.undervolt.mapping;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.undervolt.InvalidInputException;

/**
 * The tolerable BER of each data item, from a tolerance analysis or given: exact item ids
 * ({@code conv1.weights}, {@code fc1.ifm}, {@code output}), else the kind's value ({@code weights} or
 * {@code ifm}), else {@code default}. The network output is kept error-free (BER 0) unless listed.
 */
public final class Tolerances {
    private final Map<String, Double> bers;

    public Tolerances(Map<String, Double> bers) {
        for (Map.Entry<String, Double> e : bers.entrySet()) {
            if (e.getValue() == null || !(e.getValue() >= 0 && e.getValue() <= 1)) {
                throw new InvalidInputException("tolerable BER of '" + e.getKey() + "' must be in [0, 1], got " + e.getValue());
            }
        }
        this.bers = Map.copyOf(bers);
    }

    /**
     * Reads {@code {"conv1.weights": 1e-4, "ifm": 1e-6, "default": 1e-7}} (a flat JSON object of numbers), or the
     * {@code tolerance.json} of {@code undervolt tolerance} (its validated combination, else its coarse BER).
     */
    public static Tolerances load(Path file) {
        JsonNode root = JsonObjectFile.read(file, "tolerance", "of item id -> tolerable BER");
        Map<String, Double> m = new LinkedHashMap<>();
        JsonNode combination = root.path("combination").path("bers");
        JsonNode coarse = root.path("coarse").path("tolerable_ber");
        if (combination.isObject() || coarse.isNumber()) {
            // the result of 'undervolt tolerance': the validated fine-grained combination, else the coarse BER for
            // every data kind the run put in DRAM (the others stay error-free)
            if (combination.isObject()) {
                root = combination;
            } else {
                JsonNode kinds = root.path("setup").path("data");
                for (String k : new String[] {"weights", "ifm"}) {
                    boolean in = !kinds.isArray();
                    for (JsonNode x : kinds) {
                        in |= x.asText().equals(k);
                    }
                    m.put(k, in ? coarse.asDouble() : 0.0);
                }
                return new Tolerances(m);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw new InvalidInputException(file + ": '" + e.getKey() + "' must be a number (a BER in [0, 1])");
            }
            m.put(e.getKey(), e.getValue().asDouble());
        }
        try {
            return new Tolerances(m);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
    }

    /** These tolerances with the output's set to {@code ber} unless the file names it. */
    public Tolerances withOutput(double ber) {
        Map<String, Double> m = new LinkedHashMap<>(bers);
        m.putIfAbsent(NetworkData.OUTPUT, ber);
        return new Tolerances(m);
    }

    /** The tolerable BER of {@code item}. */
    public double of(String item) {
        Double b = bers.get(item);
        if (b != null) {
            return b;
        }
        if (item.equals(NetworkData.OUTPUT)) {
            return 0;
        }
        int dot = item.lastIndexOf('.');
        String kind = dot < 0 ? item : item.substring(dot + 1);
        b = bers.get(kind);
        if (b == null) {
            b = bers.get("default");
        }
        if (b == null) {
            throw new InvalidInputException("no tolerable BER for '" + item + "': give it, its kind ('" + kind
                    + "') or a 'default'");
        }
        return b;
    }
}
