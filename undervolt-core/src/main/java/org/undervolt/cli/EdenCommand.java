package org.undervolt.cli;

import java.util.concurrent.Callable;

import org.undervolt.experiment.EdenPipeline;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code undervolt eden}: the EDEN study of a DNN, end to end. Wiring only ({@link EdenPipeline}). */
@Command(name = "eden",
        header = "EDEN pipeline on a DNN: retrain, tolerance, partition mapping, energy and latency.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"EDEN (MICRO 2019) end to end on a DNN:",
                "  1. train the baseline: network mlp or lenet5 (MNIST), or vgg-small on",
                "     CIFAR-10 (dataset cifar10, data_dir = a folder of its binary files;",
                "     none is bundled); or --set model=FILE: a .uvnn, or an .onnx to import",
                "  2. curricular retraining, errors in the stored weights and IFMs",
                "  3. coarse and fine (per layer x data type) tolerable BER, 95%% confidence",
                "  4. each data item to a DRAM partition (VDD, tRCD) whose BER it tolerates",
                "  5. DRAM energy and latency of one inference, nominal vs chosen settings",
                "Writes report.html (one self-contained file), summary.json and each stage's",
                "files under --out; records the run in the results store. Killed? Run the",
                "same command again: finished stages are reused, unfinished ones continue",
                "from their checkpoints. On a terminal, each long stage shows a progress line",
                "with the time left, and the run starts with an estimate of its duration.",
                "",
                "Presets: quick (LeNet-5 INT8, 1 epoch on 6000 MNIST images; minutes),",
                "lenet5-int8, lenet5-fp32, mlp-int8 (the paper's setup; minutes each on",
                "2 cores: --estimate times them on your machine)."},
        footerHeading = "%nExamples:%n",
        footer = {"  undervolt eden --quick",
                "  undervolt eden --quick --json > eden.json",
                "  undervolt eden --preset lenet5-int8 --estimate   # how long? runs nothing",
                "  undervolt eden --preset lenet5-int8 --set trials=10 --out runs/lenet5",
                "  undervolt eden --quick --set dataset=cifar10 --set data_dir=cifar-10-batches-bin --set network=vgg-small",
                "  undervolt export-onnx --model examples/lenet5.uvnn --out lenet5.onnx",
                "  undervolt eden --quick --set model=lenet5.onnx",
                "  undervolt eden --quick --print-config > my.json",
                "  undervolt eden --config my.json",
                "  undervolt eden --config examples/eden-mlp-fashion.yaml   # or a .json",
                "",
                "Exit codes: 0 success; 1 internal failure; 2 bad input (one line on stderr",
                "naming the setting or file and the expected form; nothing half-written)."})
public final class EdenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin PipelineOptions options;

    @Override
    public Integer call() {
        return options.run(EdenPipeline.KIND, spec);
    }
}
