package org.undervolt.usecase;

import java.util.Map;

/**
 * How a caller names a request's settings in its messages: {@code vdd_step} is {@code --vdd-step} on the
 * command line and {@code eden setting 'vdd_step' (my.yaml line 3) =} in a pipeline config
 * ({@code experiment.PipelineConfig#names}).
 */
@FunctionalInterface
public interface SettingNames {

    /** The words for {@code key} (snake_case), placed before the value in a message. */
    String of(String key);

    /** Command-line options: {@code --} and the key with dashes, except where {@code renamed} says otherwise. */
    static SettingNames options(Map<String, String> renamed) {
        return k -> renamed.getOrDefault(k, "--" + k.replace('_', '-'));
    }
}
