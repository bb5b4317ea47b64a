package org.undervolt.cli;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.undervolt.data.DatasetInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code undervolt data info}: counts, image size, class counts and checksum status of train and test. */
@Command(name = "info", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show a data set: images, size, class counts and checksum status of train and test.",
            "A --data-dir holding CIFAR-10 binary files (data_batch_1..5.bin, test_batch.bin) is shown as CIFAR-10."},
        footer = {"", "Examples:",
                "  undervolt data info",
                "  undervolt data info --dataset fashion-mnist --json",
                "  undervolt data info --data-dir examples/mnist-small"})
public final class DataInfoCommand implements Runnable {

    @Mixin DatasetOptions data;
    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public void run() {
        DatasetInfo info = DatasetInfo.of(data.source());
        jsonOption.print(info.toMap(), out -> {
            out.printf("dataset  %s%nsource   %s%n%n", info.dataset(), info.source());
            out.printf("%-6s %7s %8s %7s  %s%n", "split", "images", "size", "classes", "images per class");
            for (DatasetInfo.SplitInfo s : info.splits()) {
                String size = (s.channels() == 1 ? "" : s.channels() + "x") + s.rows() + "x" + s.cols();
                out.printf("%-6s %7d %8s %7d  %s%n", s.split(), s.count(), size, s.numClasses(),
                        Arrays.stream(s.classCounts()).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
            }
            out.printf("%nfiles%n");
            for (DatasetInfo.SplitInfo s : info.splits()) {
                for (DatasetInfo.FileCheck f : s.files()) {
                    out.printf("  %s  md5 %s  %s%n", f.file(), f.md5(), f.status());
                }
            }
        });
    }
}
