package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cheap examples of the help, run as printed, in order, in a temporary folder: each exits 0, and its human
 * (non-JSON) output has no raw Java number (a capital-E exponent such as {@code 1.0E-4} or {@code 8.216E-6}, or a
 * fraction of 9 or more digits such as {@code 0.000100000}); {@link HelpTreeTest} only parses them.
 *
 * <p>A file an example names is read from the temporary folder (what an earlier example wrote there) or, under
 * {@code examples/}, from the checkout ({@link HelpTreeTest} checks that each one is there on a fresh clone, or
 * written by an earlier example of the same help). Left out, each for a reason:
 * <ul>
 *   <li>{@code train}, {@code eval}, {@code tolerance}, {@code retrain}, {@code demo}, {@code eden}, {@code sparkxd},
 *       {@code snn …}, {@code sweep}, {@code bench nn}, {@code bench tolerance}, {@code nn-bench}, {@code data info}
 *       of a built-in data set: they train or evaluate on the whole MNIST (shipped inside a Maven artifact) for tens of
 *       seconds to hours;</li>
 *   <li>the CIFAR-10 examples ({@code train --network vgg-small|resnet20 --data-dir cifar-10-batches-bin},
 *       {@code eden --set dataset=cifar10 --set data_dir=cifar-10-batches-bin}): CIFAR-10 is not bundled; they run in
 *       the folder where its binary version (www.cs.toronto.edu/~kriz/cifar.html) was unpacked, which makes
 *       {@code cifar-10-batches-bin/} ({@link HelpTreeTest#CIFAR});</li>
 *   <li>{@code dram bench}, {@code dram sim-bench}, {@code errors bench}, {@code bench errors},
 *       {@code bench dram-energy}: timed benchmarks with warm-up, seconds to minutes each;</li>
 *   <li>{@code runs …}: they read run 3 of a store that the long runs above write;</li>
 *   <li>{@code errors inject --error-model location:0.1 … --bits 400000000}: 400 M bits (50 MB per copy).</li>
 * </ul>
 * The examples that read a model read {@code examples/lenet5.uvnn}, a LeNet-5 trained for one epoch (98.53 %), or
 * one an earlier example of the same help writes ({@code snn train … --out n100.snn}).
 */
class HelpExamplesRunTest {
    /** In the order a reader meets them; later ones read what earlier ones write. */
    private static final List<String> RUN = List.of(
            "undervolt dram presets",
            "undervolt data info --data-dir examples/mnist-small",
            "undervolt dram info --part DDR3L-1600",
            "undervolt dram info --part LPDDR3-1600_4Gb_x32 --vdd 1.1",
            "undervolt dram info --part DDR4-2400_4Gb_x8 --vdd 1.1 --energy-law linear --json",
            "undervolt dram energy --part DDR4-2400_4Gb_x8 --trace examples/commands.csv",
            "undervolt dram simulate --part DDR4-2400 --requests examples/requests.trace",
            "undervolt dram simulate --part DDR3_4Gb_x8+DDR3_1600K --requests examples/requests.trace --row-policy closed "
                    + "--commands-out commands.csv --json",
            "undervolt errors models",
            "undervolt errors inject --error-model bitline:0.5 --ber 1e-3 --bits 1000000",
            "undervolt errors inject --format int8 --ber 1e-3 --bits 1000000 --json",
            "undervolt errors bitmap --error-model wordline:weak-fraction=0.05 --device-seed 2 --ber 5e-3 --out w.bitmap",
            "undervolt errors fit w.bitmap",
            "undervolt operating-point --tolerable-ber 1e-4",
            "undervolt operating-point --tolerable-ber 1e-4 --devices voltron:B7 --floor extrapolate",
            "undervolt operating-point --tolerable-ber 1e-4 --knob trcd --json",
            "undervolt operating-point --tolerable-ber 1e-6 --devices voltron-C --part LPDDR3-1600 --energy-law linear",
            "undervolt map gap --instances 100 --items 8 --json",
            "undervolt map --network lenet5 --weights-ber 1e-4",
            "undervolt map --model examples/lenet5.uvnn --scheme eden-exact --part DDR4-2400_4Gb_x8 --weights-ber 1e-4",
            "undervolt export-onnx --model examples/lenet5.uvnn --out lenet5.onnx",
            "undervolt import-onnx --model lenet5.onnx --out lenet5-onnx.uvnn");

    /** Java's {@code Double.toString} exponent, or a fraction printed with 9 or more digits. */
    static final Pattern RAW_NUMBER = Pattern.compile("\\d\\.?\\d*E[-+]?\\d|\\d\\.\\d{9,}");

    @Test
    void theCheapExamplesRunAsPrintedAndPrintNoRawNumbers(@TempDir Path tmp) throws Exception {
        List<String> all = new ArrayList<>();
        HelpTreeTest.commands().forEach(cl -> all.addAll(HelpTreeTest.examples(cl.getCommandSpec())));
        assertThat(all).as("each example run here is one the help prints").containsAll(RUN);

        Path root = Path.of("").toAbsolutePath();
        root = Files.isDirectory(root.resolve("examples")) ? root : root.getParent(); // the tests run in undervolt-core

        List<String> problems = new ArrayList<>();
        for (String example : RUN) {
            String[] words = example.substring("undervolt ".length()).split(" ");
            for (int i = 0; i < words.length; i++) {
                if (words[i].startsWith("examples/")) {
                    words[i] = root.resolve(words[i]).toString();
                } else if (words[i].matches("[\\w.-]+\\.(uvnn|onnx|bitmap|csv|json|trace)")) {
                    words[i] = tmp.resolve(words[i]).toString();
                }
            }
            CliRun r = CliRun.of(words);
            if (r.exit() != 0) {
                problems.add(example + ": exit " + r.exit() + ": " + r.err().strip());
            } else if (!example.endsWith(" --json")) {
                r.out().lines().filter(l -> RAW_NUMBER.matcher(l).find())
                        .forEach(l -> problems.add(example + ": raw number in '" + l.strip() + "'"));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(tmp.resolve("lenet5-onnx.uvnn")).isRegularFile();
        assertThat(tmp.resolve("commands.csv")).isRegularFile();
    }

    @Test
    void theRawNumberPatternFindsJavasFormsOnly() {
        for (String raw : new String[] {"BER 1.0E-4", "ber=1.0E-4", "copy_seconds 8.216E-6", "ber_min = 1E-7",
            "BER 0.000100000", "30.371366276"}) {
            assertThat(RAW_NUMBER.matcher(raw).find()).as(raw).isTrue();
        }
        for (String human : new String[] {"BER 1e-4", "1.000e-07", "8.216e-6", "0.0001", "30.37", "DDR4-2400_4Gb_x8",
            "voltron:B7", "1000000 bits"}) {
            assertThat(RAW_NUMBER.matcher(human).find()).as(human).isFalse();
        }
    }
}
