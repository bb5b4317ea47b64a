package org.undervolt.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.mapping.Granularity;
import org.undervolt.nn.zoo.ImageShape;
import org.undervolt.nn.zoo.ZooModel;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.EvaluationMode;
import org.undervolt.resilience.ReadCorrection;
import org.undervolt.storage.Formats;
import org.undervolt.usecase.BadSetting;
import org.undervolt.usecase.MapScheme;
import org.undervolt.usecase.MapSettings;

/**
 * Every setting of the {@code eden} and {@code sparkxd} pipelines and what its value must be: one row a key.
 * {@link PipelineConfig} checks each value against its row when it is made (a preset, a config file, a
 * {@code --set}), so {@code --print-config} and {@code --estimate} see only good values. A new setting is a
 * row here and a default in the pipeline's presets (a preset key without a row is refused).
 *
 * <p>What depends on several keys ({@link #together}: the mapping settings as one {@link MapSettings}, ranges
 * whose ends are two keys, the error model with its device seed) is checked on the final config; what
 * depends on the data read (e.g. {@code validation_images} below the training set's size) by the pipeline's
 * {@code check()} before any work.
 */
final class PipelineKeys {
    private PipelineKeys() {
    }

    /** One key's rule: null when the value is good, else what is wrong ({@code expected an integer in 1..20}). */
    @FunctionalInterface
    interface Rule {
        String problem(Object value);
    }

    static Rule text() {
        return v -> v instanceof String ? null : "expected a string";
    }

    static Rule optionalText() {
        return v -> v == null || v instanceof String ? null : "expected a string or null";
    }

    /**
     * A DRAM part as {@code --part} takes it ({@link MemspecLoader#resolve}: a preset, a memspec file or an ORG+BIN
     * pair) with the currents the pipelines price energy with (so a timing-only pair is refused by
     * {@code --print-config} already); the complaint without the value it starts with, which the message names already.
     */
    static Rule part() {
        Rule resolves = text(v -> MemspecLoader.resolve(v).spec().requireCurrents());
        return v -> {
            String problem = resolves.problem(v);
            return problem != null && v instanceof String s && problem.startsWith(s.trim() + ": ")
                    ? problem.substring(s.trim().length() + 2) : problem;
        };
    }

    /** A string {@code parser} accepts; its complaint (without a leading option name) is what is expected. */
    static Rule text(Consumer<String> parser) {
        return v -> {
            if (!(v instanceof String s)) {
                return "expected a string";
            }
            try {
                parser.accept(s);
                return null;
            } catch (InvalidInputException e) {
                return e.getMessage().replaceFirst("^--[a-z-]+:? ", "");
            }
        };
    }

    static Rule integer(long lo, long hi) {
        return v -> (v instanceof Integer || v instanceof Long) && ((Number) v).longValue() >= lo && ((Number) v).longValue() <= hi
                ? null : "expected an integer " + (hi == Long.MAX_VALUE ? ">= " + lo : "in " + lo + ".." + hi);
    }

    static Rule optionalInteger(long lo, long hi) {
        Rule set = integer(lo, hi);
        return v -> v == null ? null : set.problem(v);
    }

    static Rule number(double lo, double hi) {
        return v -> v instanceof Number n && n.doubleValue() >= lo && n.doubleValue() <= hi ? null
                : "expected a number in [" + BadSetting.plain(lo) + ", " + BadSetting.plain(hi) + "]";
    }

    static Rule flag() {
        return v -> v instanceof Boolean ? null : "expected true or false";
    }

    static Rule texts(Consumer<String> each) {
        Rule one = text(each);
        return v -> {
            if (!(v instanceof List<?> l) || l.isEmpty()) {
                return "expected a non-empty list of strings";
            }
            for (Object x : l) {
                String p = one.problem(x);
                if (p != null) {
                    return p;
                }
            }
            return null;
        };
    }

    private static final long MAX_IMAGES = 100_000_000L;

    /** The keys of both pipelines. */
    private static Map<String, Rule> common() {
        Map<String, Rule> k = new LinkedHashMap<>();
        k.put("description", text());
        k.put("dataset", text(PipelineData::checkName));
        k.put("data_dir", optionalText());
        k.put("seed", integer(0, Long.MAX_VALUE));
        k.put("format", text(Formats::byName));
        k.put("error_model", text(ErrorModelRegistry::parse));
        k.put("device_seed", integer(0, Long.MAX_VALUE));
        k.put("ber_start", number(1e-12, 1));
        k.put("ber_factor", number(1.000001, 1000));
        k.put("ber_max", number(1e-12, 1));
        k.put("delta", number(0, 1));
        k.put("confidence", text(Acceptance.Rule::parse));
        k.put("evaluation", text(EvaluationMode::parse));
        k.put("tolerance_ber_min", number(1e-12, 1));
        k.put("tolerance_ber_max", number(1e-12, 1));
        k.put("points_per_decade", integer(1, 20));
        k.put("bisections", integer(0, 20));
        k.put("trials", integer(2, 10000));
        k.put("test_images", integer(1, 1_000_000));
        // the DRAM side: each value here, their bounds together as one MapSettings (together())
        k.put("part", part());
        k.put("energy_law", text(VoltageScaling::parse));
        k.put("devices", text());
        k.put("dataflow", text(MapSettings::dataflow));
        k.put("row_policy", text(PagePolicy::parse));
        k.put("vdd_step", number(0, 1));
        k.put("weak_fraction", number(0, 1));
        return k;
    }

    private static final Map<String, Map<String, Rule>> KEYS = Map.of("eden", eden(), "sparkxd", sparkxd());

    private static Map<String, Rule> eden() {
        Map<String, Rule> k = common();
        k.put("network", text(ZooModel::parse));
        k.put("model", optionalText());
        k.put("base_epochs", integer(1, 1000));
        k.put("base_train_images", integer(1, 10_000_000));
        k.put("train_images", integer(1, 10_000_000));
        k.put("validation_images", integer(1, 10_000_000));
        k.put("retrain_epochs", integer(0, 1000));
        k.put("batch", integer(1, 65536));
        k.put("lr", number(1e-9, 10));
        k.put("momentum", number(0, 0.999999));
        k.put("patience", integer(1, 1000));
        k.put("refinements", integer(0, 20));
        k.put("clip_rms", number(0, 100));
        k.put("relu_cap_percentile", number(0, 100));
        k.put("validation_trials", integer(1, 1000));
        k.put("profile_images", integer(1, 1_000_000));
        k.put("data", texts(DataKind::parse));
        k.put("ifm_format", text(Formats::byName));
        k.put("value_correction", flag());
        k.put("scheme", text(s -> {
            if (MapScheme.parse(s) == MapScheme.SPARKXD) {
                throw new InvalidInputException("expected eden or eden-exact");
            }
        }));
        k.put("granularity", text(Granularity::parse));
        k.put("partition_count", integer(1, 1 << 20));
        k.put("trcd_min", number(0, 1));
        return k;
    }

    private static Map<String, Rule> sparkxd() {
        Map<String, Rule> k = common();
        k.put("neurons", integer(1, 65536));
        k.put("train_images", integer(1, MAX_IMAGES));
        k.put("checkpoint_every", integer(1, MAX_IMAGES));
        k.put("label_images", integer(1, MAX_IMAGES));
        k.put("images_per_step", integer(1, MAX_IMAGES));
        k.put("inject_every", integer(1, 1_000_000));
        k.put("read_correction", text(ReadCorrection::parse));
        k.put(FatControlCrossingStage.DRAWS_KEY, optionalInteger(2, 10_000));
        return k;
    }

    /**
     * Keys added after runs were made, whose null is what those runs did: left out of the run's identity
     * ({@link PipelineConfig#canonical()}) while null, so an older run folder or stored run is found again.
     */
    static final java.util.Set<String> ADDED_AS_NULL = java.util.Set.of(FatControlCrossingStage.DRAWS_KEY);

    /**
     * Keys that only refine one late stage, with that stage: resuming a run with another value of such a key (and
     * every other setting the same) redoes that stage alone, its own checkpoint keeping what still holds
     * ({@link Stages}); any other change of settings is another run. {@code paired_draws}: more draws for
     * {@code fat-vs-control-ber}, whose points keep the draws they have.
     */
    static final Map<String, String> REDOES = Map.of(FatControlCrossingStage.DRAWS_KEY, "fat-vs-control-ber");

    /**
     * Keys that change no result (the preset's one-line description): a run resumed with another value is the same
     * run, nothing redone, its folder's settings updated.
     */
    static final java.util.Set<String> DESCRIBES_ONLY = java.util.Set.of("description");

    /** The rules of {@code pipeline}'s keys. */
    static Map<String, Rule> of(String pipeline) {
        Map<String, Rule> k = KEYS.get(pipeline);
        if (k == null) {
            throw new IllegalArgumentException("no settings for pipeline " + pipeline);
        }
        return k;
    }

    /** The checks across keys, on a config whose every value passed its row. */
    static void together(PipelineConfig c) {
        ordered(c, "ber_start", "ber_max");
        ordered(c, "tolerance_ber_min", "tolerance_ber_max");
        c.named("error_model", () -> {
            var family = ErrorModelRegistry.family(c.text("error_model"), c.integer("device_seed", 0L, Long.MAX_VALUE));
            if (c.pipeline().equals("eden") || c.number("weak_fraction") >= 1) { // sparkxd's location model replaces it below 1
                // the model must make every BER the run asks of it: the retraining's and the tolerance search's highest
                String highest = c.number("tolerance_ber_max") >= c.number("ber_max") ? "tolerance_ber_max" : "ber_max";
                try {
                    family.atBer(c.number(highest));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("at " + highest + " " + c.number(highest) + ": " + e.getMessage());
                }
            }
        });
        c.named("devices", () -> MappingStage.devices(c));
        String dataset = c.text("dataset");
        boolean cifar = PipelineData.isCifar(dataset);
        if (cifar && c.optionalText("data_dir") == null) {
            throw c.bad("dataset", dataset, "data_dir too: a folder of CIFAR-10's binary files (data_batch_1.bin .. "
                    + "data_batch_5.bin, test_batch.bin); none is bundled");
        }
        if (c.pipeline().equals("sparkxd") && cifar) {
            throw c.bad("dataset", dataset, "mnist, fashion-mnist or IDX files: the spiking network reads 28x28 greyscale images");
        }
        if (c.pipeline().equals("eden") && c.optionalText("model") == null && (cifar || c.optionalText("data_dir") == null)) {
            // the images' shape is known without reading them: the network must take them and the mapping lay it out
            ImageShape shape = cifar ? new ImageShape(3, 32, 32) : new ImageShape(1, 28, 28);
            c.named("network", () -> EdenPipeline.checkNetwork(ZooModel.parse(c.text("network")), shape, 10));
        }
        MappingStage.settings(c, c.pipeline().equals("eden") ? c.text("scheme") : "sparkxd");
    }

    /** {@code low <= high}; else the one the user set (the high end if both or neither) is named. */
    private static void ordered(PipelineConfig c, String low, String high) {
        if (c.number(high) < c.number(low)) {
            throw c.origins().containsKey(low) && !c.origins().containsKey(high)
                    ? c.bad(low, c.number(low), "a number <= " + high + " (" + c.number(high) + ")")
                    : c.bad(high, c.number(high), "a number >= " + low + " (" + c.number(low) + ")");
        }
    }
}
