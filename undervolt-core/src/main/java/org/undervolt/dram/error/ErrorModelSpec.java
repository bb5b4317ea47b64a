package org.undervolt.dram.error;

import java.util.Map;
import java.util.stream.Collectors;

import org.undervolt.InvalidInputException;

/**
 * A parsed error-model spec: the registered model it names and the parameter values it gives
 * (checked against their domains). {@link #family} builds the model family.
 *
 * @param text  the spec as written
 * @param entry the model it names
 * @param given the parameters it gives, by name, in canonical text
 */
public record ErrorModelSpec(String text, ErrorModelEntry entry, Map<String, String> given) {

    public ErrorModelSpec {
        given = Map.copyOf(given);
    }

    /** Whether the spec gives {@code parameter}. */
    public boolean gives(String parameter) {
        return given.containsKey(parameter);
    }

    /** The value of {@code parameter}: given, else its default. */
    public String value(String parameter) {
        String v = given.get(parameter);
        if (v != null) {
            return v;
        }
        ErrorModelParameter p = entry.parameter(parameter);
        if (p == null || p.defaultValue() == null) {
            throw new IllegalStateException(entry.name() + " has no default for '" + parameter + "'");
        }
        return p.defaultValue();
    }

    /** The value of a numeric parameter. */
    public double number(String parameter) {
        return Double.parseDouble(value(parameter));
    }

    /**
     * The spec with {@code parameters} named with their values (given or default), in that order,
     * e.g. {@code bitline:cell-rate=0.5}: a family's name.
     */
    public String canonical(String... parameters) {
        String params = java.util.Arrays.stream(parameters).map(p -> p + "=" + value(p))
                .collect(Collectors.joining(","));
        return params.isEmpty() ? entry.name() : entry.name() + ":" + params;
    }

    /** The family this spec names, its weak cells as {@code weakCells} says. */
    public ErrorModelFamily family(WeakCells weakCells) {
        try {
            return entry.factory().family(this, weakCells);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** An input error naming this spec, the problem and the entry's form. */
    public InvalidInputException invalid(String problem) {
        return new InvalidInputException(ErrorModelRegistry.PREFIX + "'" + text + "': " + problem + "; expected "
                + entry.form());
    }
}
