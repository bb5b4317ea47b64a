package org.undervolt.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.undervolt.dram.error.ErrorModelEntry;
import org.undervolt.dram.error.ErrorModelRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code undervolt errors models}: the error-model registry, printed from its entries. */
@Command(name = "models", aliases = "list", mixinStandardHelpOptions = true,
        description = "List the error models that --error-model takes: name, parameters with their meaning and default.",
        footer = {"", "Examples:",
                "  undervolt errors models",
                "  undervolt errors models --json"})
public final class ErrorsModelsCommand implements Callable<Integer> {
    static final String GRAMMAR = "NAME[:PARAM=VALUE,...]; values may also be given without their names, in the order "
            + "listed, before any named one (bitline:0.5 is bitline:cell-rate=0.5, uniform:sequential is "
            + "uniform:sampler=sequential).";
    private static final int WIDTH = 100;

    @Mixin JsonOption jsonOption = new JsonOption();

    /** One parameter as listed; {@code defaultValue} is null when it follows from the BER. */
    record ParameterRow(String name, String values, String defaultValue, String meaning) {
    }

    /** One model as listed. */
    record ModelRow(String name, String form, String description, List<ParameterRow> parameters) {
    }

    /**
     * The one error model that is not a spec, and where it is chosen: it needs a DRAM part and a measured device, so
     * the storage layer builds it ({@code mapping.LocationStorage}); its per-BER model keeps the registry's contract
     * ({@code WeakSubarrayErrorModelContractTest}).
     */
    static final String ELSEWHERE = "Not a spec: the voltage-following weak subarrays of SparkXD's placement (each "
            + "subarray of the module gets its own error-onset voltage, drawn from a measured device's failing-line "
            + "fraction; only subarrays unsafe at V err, at BER(V)/f(V)); output calls it location-aware. Chosen by "
            + "sparkxd weak_fraction below 1 and by tolerance --location-device DEVICE (--location-part PART). The "
            + "location spec above is the other thing: fixed weak regions at a given fraction.";

    /** The listing, from the registry. */
    static List<ModelRow> rows() {
        return ErrorModelRegistry.entries().stream().map(ErrorsModelsCommand::row).toList();
    }

    private static ModelRow row(ErrorModelEntry e) {
        return new ModelRow(e.name(), e.form(), e.description(), e.parameters().stream()
                .map(p -> new ParameterRow(p.name(), p.domain().form(), p.defaultValue(), p.meaning())).toList());
    }

    @Override
    public Integer call() {
        jsonOption.print(new Listing(GRAMMAR, rows(), ELSEWHERE), o -> { // snake_case keys, as every other command's
            wrap(o, "", "", "Error model specs: " + GRAMMAR);
            for (ModelRow m : rows()) {
                o.println();
                o.println(m.form());
                wrap(o, "    ", "    ", m.description());
                for (ParameterRow p : m.parameters()) {
                    String dflt = p.defaultValue() == null ? "from the BER" : p.defaultValue();
                    wrap(o, "    ", "        ", p.name() + " (" + p.values() + "; default " + dflt + "): " + p.meaning());
                }
            }
            o.println();
            wrap(o, "", "", ELSEWHERE);
        });
        return 0;
    }

    /** The whole listing, for {@code --json}. */
    record Listing(String grammar, List<ModelRow> models, String elsewhere) {
    }

    /** {@code text} in lines of at most {@link #WIDTH} characters: the first after {@code first}, the rest after {@code rest}. */
    private static void wrap(PrintWriter o, String first, String rest, String text) {
        StringBuilder line = new StringBuilder(first);
        int empty = first.length();
        for (String word : text.split(" ")) {
            if (line.length() > empty && line.length() + 1 + word.length() > WIDTH) {
                o.println(line);
                line = new StringBuilder(rest);
                empty = rest.length();
            }
            if (line.length() > empty) {
                line.append(' ');
            }
            line.append(word);
        }
        o.println(line);
    }
}
