package org.undervolt.cli;

import java.util.concurrent.Callable;

import org.undervolt.experiment.SparkxdPipeline;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code undervolt sparkxd}: the SparkXD study of a spiking network, end to end. Wiring only ({@link SparkxdPipeline}). */
@Command(name = "sparkxd",
        header = "SparkXD pipeline on a spiking network: fault-aware training, tolerance, placement, energy.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"SparkXD (DAC 2021) end to end on the Diehl & Cook spiking network:",
                "  1. unsupervised STDP training, neuron labelling",
                "  2. fault-aware training: errors in the stored weights, BER raised stepwise",
                "  3. accuracy vs BER of both networks; tolerable BER: mean >= clean - delta",
                "  4. the lowest module VDD at which the weights fit in DRAM locations they",
                "     tolerate, laid out in DRMap order",
                "  5. DRAM energy of one inference at nominal and chosen voltage",
                "Writes report.html (one self-contained file), summary.json and each stage's",
                "files under --out; records the run in the results store. Killed? Run the",
                "same command again: finished stages are reused, unfinished ones continue.",
                "On a terminal, each long stage shows a progress line with the time left, and",
                "the run starts with an estimate of its duration.",
                "Errors: with weak_fraction below 1 (the presets) steps 2-4 use the weak",
                "subarrays of one measured device (errors models, last paragraph);",
                "error_model applies with weak_fraction=1 only.",
                "",
                "Presets: quick (N400, 10000 STDP images; minutes), n400, n900, n1600, n2500,",
                "n3600 (the paper's sizes, 60000 images; about 1 to 6 hours on 2 cores:",
                "--estimate times them on your machine)."},
        footerHeading = "%nExamples:%n",
        footer = {"  undervolt sparkxd --quick",
                "  undervolt sparkxd --quick --json > sparkxd.json",
                "  undervolt sparkxd --preset n400 --estimate   # how long? runs nothing",
                "  undervolt sparkxd --preset n400 --out runs/n400   # rerun it to resume",
                "  undervolt sparkxd --quick --set weak_fraction=1 --set error_model=location:0.1",
                "  undervolt sparkxd --config examples/sparkxd-n400.yaml   # or a .json",
                "",
                "Exit codes: 0 success; 1 internal failure; 2 bad input (one line on stderr",
                "naming the setting or file and the expected form; nothing half-written)."})
public final class SparkxdCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin PipelineOptions options;

    @Override
    public Integer call() {
        return options.run(SparkxdPipeline.KIND, spec);
    }
}
