package org.undervolt.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.SetupSpec;
import org.undervolt.storage.Formats;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by {@code retrain} and {@code tolerance}: what of a DNN lives in approximate DRAM, and how it errs. */
public final class DnnSetupOptions {

    @Option(names = "--data", split = ",", defaultValue = "weights,ifm", paramLabel = "KIND[,KIND]",
            description = "Data in approximate DRAM: weights, ifm (default: ${DEFAULT-VALUE}).")
    List<String> data;

    @Option(names = "--format", defaultValue = "int8", description = "Storage format of weights (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--ifm-format", defaultValue = "int8", description = "Storage format of IFMs (default: ${DEFAULT-VALUE}).")
    String ifmFormat;

    @Mixin ErrorModelOptions errors = new ErrorModelOptions();

    @Option(names = "--no-value-correction", description = "Do not zero values outside the profiled range (EDEN's bounding).")
    boolean noBounding;

    /** The error model's spec as given. */
    String errorModel() {
        return errors.spec();
    }

    /** The device's seed. */
    long deviceSeed() {
        return errors.device.seed;
    }

    public SetupSpec spec() {
        Set<DataKind> kinds = new LinkedHashSet<>();
        for (String d : data) {
            kinds.add(OptionValues.parse("--data", d, DataKind::parse));
        }
        check();
        return new SetupSpec(kinds, format, ifmFormat, errorModel(), !noBounding, deviceSeed());
    }

    /** Checks --format, --ifm-format and --error-model, naming the option that is wrong. */
    void check() {
        OptionValues.parse("--format", format, Formats::byName);
        OptionValues.parse("--ifm-format", ifmFormat, Formats::byName);
        errors.family();
    }
}
