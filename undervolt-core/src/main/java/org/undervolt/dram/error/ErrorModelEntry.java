package org.undervolt.dram.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One error model of the {@link ErrorModelRegistry}: its name, what it models and where it comes
 * from, its shape parameters (each with one meaning) and the factory that builds its family.
 *
 * @param name        the name a spec starts with, e.g. {@code bitline}
 * @param description one sentence: what errs, and the paper (and model number) it comes from
 * @param parameters  the shape parameters, in the order a spec may give them by value alone
 * @param factory     builds the family of a parsed spec
 * @param example     a spec of this model that runs as written: what {@code errors models} shows and what the
 *                    registry's contract test exercises (the name itself, or its defaults spelt out, unless the
 *                    defaults make too few flips in a small region to test)
 */
public record ErrorModelEntry(String name, String description, List<ErrorModelParameter> parameters,
        Factory factory, String example) {

    /** An entry whose example is its name (every default). */
    public ErrorModelEntry(String name, String description, List<ErrorModelParameter> parameters, Factory factory) {
        this(name, description, parameters, factory, name);
    }

    /** Builds the family a spec names. */
    @FunctionalInterface
    public interface Factory {
        /**
         * The family of {@code spec}, its weak cells (if it has any) fixed per device or redrawn per
         * trial as {@code weakCells} says.
         *
         * @throws IllegalArgumentException for parameters that cannot go together (the registry
         *         reports it as an input error naming the spec)
         */
        ErrorModelFamily family(ErrorModelSpec spec, WeakCells weakCells);
    }

    public ErrorModelEntry {
        parameters = List.copyOf(parameters);
    }

    /** The parameter called {@code name}, or null. */
    public ErrorModelParameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** The spec form, e.g. {@code location[:weak-fraction=F,granularity=subarray|bank]}. */
    public String form() {
        if (parameters.isEmpty()) {
            return name;
        }
        return name + parameters.stream().map(p -> p.name() + "=" + p.domain().placeholder())
                .collect(Collectors.joining(",", "[:", "]"));
    }
}
