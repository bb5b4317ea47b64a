package org.undervolt.dram.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.undervolt.InvalidInputException;

/**
 * Every error model by name: the one place a spec such as {@code bitline:0.5} or
 * {@code location:weak-fraction=0.1,granularity=bank} becomes an {@link ErrorModelFamily}. The
 * commands ({@code eval}, {@code snn eval}, {@code tolerance}, {@code retrain}, {@code errors ...}),
 * sweep specs and pipeline configs all read their error model here, so a name and each of its
 * parameters mean the same thing everywhere.
 *
 * <p>Spec grammar: {@code NAME[:PARAM=VALUE,...]}. Values may also be given
 * without their names, in the order the entry lists its parameters, before any named one:
 * {@code bitline:0.5} is {@code bitline:cell-rate=0.5} and {@code uniform:sequential} is
 * {@code uniform:sampler=sequential}. The models (EDEN: Koppula et al., MICRO 2019, §5.2; SparkXD /
 * EnforceSNN: Putra et al.; see docs/PAPERS.md §1.5 and §2.2):
 * <ul>
 *   <li>{@code uniform}: EDEN model 0, every bit flips independently at the BER;</li>
 *   <li>{@code bitline}: EDEN model 1, errors on weak bitlines (P_B weak, cells failing at F_B);</li>
 *   <li>{@code wordline}: EDEN model 2, errors on weak rows (P_W, F_W);</li>
 *   <li>{@code data-dependent}: EDEN model 3, a stored 1 and a stored 0 flip at different rates;</li>
 *   <li>{@code location}: SparkXD/EnforceSNN, errors only in weak subarrays or banks: a fixed fraction
 *       of regions (a parameter) is weak whatever the voltage, and they err at BER / fraction, so the BER
 *       is the module's mean;</li>
 *   <li>{@code weak-subarray} (registered by {@code mapping.WeakSubarrayErrorModels}, an
 *       {@link ErrorModelProvider}: it reads a DRAM part and a measured device): SparkXD's weak subarrays
 *       following VDD, as its placement, fault-aware training and tolerance search use them. The BER is read
 *       as a device's voltage V; the unsafe fraction is the device's measured failing-line fraction f(V),
 *       not a parameter, each subarray having its own onset voltage, and unsafe subarrays err at
 *       BER(V) / f(V). Lowering V only adds unsafe subarrays; a BER above the device's highest stands for its
 *       lowest voltage ({@link ErrorModelFamily#maxBer}).</li>
 * </ul>
 * The parameters and their meanings are in {@link ErrorModelEntries} (and the providers' entries);
 * {@code undervolt errors models} prints them from {@link #entries()}. Models and parameter names are
 * case-insensitive; values keep their case (a file path), each domain reading them its way.
 */
public final class ErrorModelRegistry {
    /** How every message about a spec starts; the CLI puts the option's name in its place. */
    public static final String PREFIX = "error model ";

    private static final Map<String, ErrorModelEntry> ENTRIES = index(List.of(ErrorModelEntries.uniform(),
            ErrorModelEntries.bitline(), ErrorModelEntries.wordline(), ErrorModelEntries.dataDependent(),
            ErrorModelEntries.location()));

    private ErrorModelRegistry() {
    }

    /**
     * The built-in entries, then those of every {@link ErrorModelProvider} on the class path (found with the loader of
     * this class, so a Spark executor finds the same ones), in the order the services file lists them.
     */
    private static Map<String, ErrorModelEntry> index(List<ErrorModelEntry> builtIn) {
        List<ErrorModelEntry> entries = new java.util.ArrayList<>(builtIn);
        ServiceLoader.load(ErrorModelProvider.class, ErrorModelRegistry.class.getClassLoader())
                .forEach(p -> entries.addAll(p.entries()));
        Map<String, ErrorModelEntry> m = new LinkedHashMap<>();
        for (ErrorModelEntry e : entries) {
            if (m.put(e.name(), e) != null) {
                throw new IllegalStateException("error model '" + e.name() + "' registered twice");
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Every registered model, in the order of the listing. */
    public static List<ErrorModelEntry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** The names of the registered models. */
    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** The form any spec takes, naming the registered models. */
    public static String expectedForm() {
        return "NAME[:PARAM=VALUE,...] with NAME one of " + String.join(", ", ENTRIES.keySet())
                + " ('undervolt errors models' lists the parameters)";
    }

    /**
     * The family {@code spec} names, its weak cells (bitlines, rows, subarrays) those of the device
     * {@code deviceSeed}: how the tolerance, retraining and sweep runs use a model.
     */
    public static ErrorModelFamily family(String spec, long deviceSeed) {
        return family(spec, WeakCells.fixed(deviceSeed));
    }

    /** The family {@code spec} names, its weak cells fixed or redrawn as {@code weakCells} says. */
    public static ErrorModelFamily family(String spec, WeakCells weakCells) {
        return parse(spec).family(weakCells);
    }

    /**
     * {@code spec} parsed and checked: the model it names and the parameter values it gives.
     *
     * @throws InvalidInputException one line naming the spec, what is wrong and the expected form
     */
    public static ErrorModelSpec parse(String spec) {
        String text = spec == null ? "" : spec.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        ErrorModelEntry entry = ENTRIES.get((colon < 0 ? lower : lower.substring(0, colon)).trim());
        if (entry == null) {
            throw new InvalidInputException(PREFIX + "'" + text + "': unknown model; expected " + expectedForm());
        }
        ErrorModelSpec empty = new ErrorModelSpec(text, entry, Map.of());
        Map<String, String> given = new LinkedHashMap<>();
        if (colon >= 0) {
            List<ErrorModelParameter> parameters = entry.parameters();
            int position = 0;
            boolean named = false;
            for (String raw : text.substring(colon + 1).split(",", -1)) { // names any case; values as their domain reads them
                String item = raw.trim();
                int eq = item.indexOf('=');
                ErrorModelParameter p;
                if (item.isEmpty()) {
                    throw empty.invalid("a parameter is empty");
                } else if (eq < 0) {
                    if (named) {
                        throw empty.invalid("value '" + item + "' without a name after a named parameter");
                    }
                    if (position >= parameters.size()) {
                        throw empty.invalid(parameters.isEmpty() ? "takes no parameters"
                                : "value '" + item + "' beyond its " + parameters.size() + " parameter(s)");
                    }
                    p = parameters.get(position++);
                } else {
                    named = true;
                    p = entry.parameter(item.substring(0, eq).trim().toLowerCase(Locale.ROOT));
                    if (p == null) {
                        throw empty.invalid("unknown parameter '" + item.substring(0, eq).trim() + "'; it has "
                                + parameters.stream().map(ErrorModelParameter::name).collect(Collectors.joining(", ")));
                    }
                }
                if (given.containsKey(p.name())) {
                    throw empty.invalid(p.name() + " given twice");
                }
                String value = eq < 0 ? item : item.substring(eq + 1).trim();
                try {
                    given.put(p.name(), p.domain().check(value));
                } catch (IllegalArgumentException e) {
                    throw empty.invalid(p.name() + ": " + e.getMessage());
                }
            }
        }
        return new ErrorModelSpec(text, entry, given);
    }
}
