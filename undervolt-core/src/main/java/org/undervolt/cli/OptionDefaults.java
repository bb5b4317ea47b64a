package org.undervolt.cli;

import java.util.HashMap;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults a command gives the options of its shared mixins: a mixin declares an option once (name, meaning,
 * help text) and each command that mixes it in says, here, where its own default differs, e.g.
 * {@code class Defaults extends OptionDefaults { Defaults() { super("--ber-min", "1e-7"); } }} named in
 * {@code @Command(defaultValueProvider = Defaults.class)}. Help shows these defaults as {@code ${DEFAULT-VALUE}}.
 */
abstract class OptionDefaults implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> values = new HashMap<>();

    /** @param pairs option name, default value, option name, default value, ... */
    OptionDefaults(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("option defaults come in name, value pairs");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec o ? values.get(o.longestName()) : null;
    }
}
