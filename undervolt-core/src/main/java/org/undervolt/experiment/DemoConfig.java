package org.undervolt.experiment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.data.DataSource;
import org.undervolt.dram.spec.LoadedSpec;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.io.Json;
import org.undervolt.nn.zoo.ZooModel;

/**
 * Everything that determines a demo run. Defaults finish in a few minutes on 2 cores.
 *
 * @param data            training and test images
 * @param hidden          hidden layer sizes of the MLP
 * @param epochs          SGD epochs
 * @param seed            master seed: initialisation, shuffling, every error draw
 * @param trials          Monte-Carlo trials per BER
 * @param berMin          smallest BER of the sweep
 * @param berMax          largest BER of the sweep
 * @param pointsPerDecade sweep density
 * @param delta           accuracy loss accepted, as a fraction (0.01 = one percentage point)
 * @param format          storage format of the weights in DRAM (e.g. {@code int8})
 * @param part            DRAM part, a name of {@code undervolt dram presets} or a memspec file (its SHA-256 in the identity); recorded under the key {@code preset},
 *                        as the pipelines' configs name it (and earlier runs in a results store were recorded)
 * @param scaling         energy-versus-voltage law of the core rail ({@code quadratic} or {@code linear})
 * @param devices         the BER(VDD) devices ({@code --devices}: a selector, a device table or a vdd_v,ber file), or
 *                        {@code null} for all of Voltron's; recorded in the identity under its name before issue 19,
 *                        {@code ber_table} ({@code builtin} for null)
 * @param testImages      test images used (0 = all)
 * @param useCache        reuse a trained network from the cache when one matches
 * @param cacheDir        model cache directory
 */
public record DemoConfig(DataSource data, int[] hidden, int epochs, long seed, int trials, double berMin, double berMax,
        int pointsPerDecade, double delta, String format, String part, String scaling, String devices,
        int testImages, boolean useCache, Path cacheDir) {

    public DemoConfig {
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h < 1 || h > 65536) {
                throw new InvalidInputException("hidden layer size " + h + " is out of range: expected 1..65536");
            }
        }
        if (epochs < 1 || epochs > 1000) {
            throw new InvalidInputException("--epochs " + epochs + " is out of range: expected 1..1000");
        }
        if (trials < 1 || trials > 100000) {
            throw new InvalidInputException("--trials " + trials + " is out of range: expected 1..100000");
        }
        if (!(delta >= 0 && delta <= 1)) {
            throw new InvalidInputException("--delta " + delta + " is out of range: expected a fraction in [0, 1]");
        }
        if (testImages < 0) {
            throw new InvalidInputException("--test-images " + testImages + " is negative: expected 0 (all) or more");
        }
    }

    /**
     * The run's identity in the results store: {@link #describe()} as canonical JSON, with {@code part},
     * {@code energy_law} and {@code devices} under their names before issue 19 ({@code preset}, {@code scaling},
     * {@code ber_table}, {@code builtin} when not given), so that a demo recorded earlier is found, resumed and
     * reused by the same settings.
     */
    public String identity() {
        Map<String, Object> settings = describe();
        settings.keySet().removeAll(List.of("part", "energy_law", "devices"));
        LoadedSpec p = MemspecLoader.resolve(part);
        // a part read from a file is its content: two files of one name are two runs
        return Json.canonical(new Identity(settings, part, scaling, devices == null ? "builtin" : devices,
                p.fromFile() ? p.sha256() : null));
    }

    /** The identity's settings: {@link #describe()} with the three settings under their earlier names (keys sorted). */
    private record Identity(@Json.Inline Map<String, Object> settings, String preset, String scaling, String berTable,
            @Json.OmitWhenNull String partSha256) {
    }

    /**
     * The network's name: the zoo's ({@code mlp-256} for the default {@code --hidden 256}, the name {@code undervolt
     * train --network} takes for the same network), or, for other hidden layers, {@code custom mlp, hidden ...}.
     */
    public String network() {
        return ZooModel.mlpWithHidden(hidden).map(ZooModel::id).orElse("custom mlp, hidden "
                + Arrays.stream(hidden).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(",")));
    }

    /** The settings as a flat map, for the result file ({@link Settings}). */
    public Map<String, Object> describe() {
        return Json.fields(new Settings(data.describe(), Arrays.stream(hidden).boxed().toList(), epochs, seed, trials, berMin,
                berMax, pointsPerDecade, delta, format, part, scaling, devices == null ? "voltron" : devices, testImages));
    }

    /**
     * The settings as result.json's {@code config} holds them, in this order; the part and the energy law named as the
     * options {@code --part} and {@code --energy-law}, the devices {@code voltron} when not given.
     */
    private record Settings(String data, List<Integer> hidden, int epochs, long seed, int trials, double berMin,
            double berMax, int pointsPerDecade, double delta, String format, String part, String energyLaw, String devices,
            int testImages) {
    }
}
