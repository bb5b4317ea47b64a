package org.undervolt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.error.ErrorBitmap;
import org.undervolt.dram.error.ErrorBitmapFile;
import org.undervolt.dram.error.ErrorBitmaps;
import org.undervolt.random.Seeds;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt errors bitmap}: writes the bitmap an error model produces on a tested region,
 * in the format {@code errors fit} reads (a synthetic characterisation run).
 */
@Command(name = "bitmap", mixinStandardHelpOptions = true, usageHelpWidth = 120,
        description = "Generate a characterisation bitmap from an error model (input for 'errors fit').",
        footer = {"", "Example (then: undervolt errors fit w.bitmap):",
                "  undervolt errors bitmap --error-model wordline:weak-fraction=0.05 --device-seed 2 --ber 5e-3 --out w.bitmap"})
public final class ErrorsBitmapCommand implements Callable<Integer> {

    @Mixin OutFileOption output = new OutFileOption();

    @Option(names = "--pattern", defaultValue = "170", description = "Data byte written to every cell, 0..255. Default: ${DEFAULT-VALUE} (0xAA).")
    int pattern;

    @Option(names = "--vdd", defaultValue = "1.1", description = "VDD recorded in the file, V. Default: ${DEFAULT-VALUE}.")
    double vdd;

    @Option(names = "--trcd", defaultValue = "13.75", description = "tRCD recorded in the file, ns. Default: ${DEFAULT-VALUE}.")
    double trcd;

    @Option(names = "--region", split = ",", defaultValue = "2,4,64,256",
            description = "Tested region: banks,subarrays,rows,row-bytes. Default: ${DEFAULT-VALUE}.")
    int[] region;

    @Mixin SeedOption seedOption = new SeedOption();

    @Mixin ErrorsCommand.ModelAtBer errors;

    @Override
    public Integer call() throws Exception {
        Path out = output.file();
        if (pattern < 0 || pattern > 255) {
            throw new InvalidInputException("--pattern: " + pattern + "; expected a byte 0..255");
        }
        if (region.length != 4) {
            throw new InvalidInputException("--region: expected banks,subarrays,rows,row-bytes");
        }
        if (!(vdd >= 0) || Double.isInfinite(vdd)) {
            throw new InvalidInputException("--vdd " + vdd + ": expected a voltage >= 0");
        }
        if (!(trcd >= 0) || Double.isInfinite(trcd)) {
            throw new InvalidInputException("--trcd " + trcd + ": expected a tRCD >= 0 ns");
        }
        ErrorBitmap b;
        try {
            b = ErrorBitmaps.generate(errors.model(), pattern, vdd, trcd, region[0], region[1], region[2],
                    region[3], Seeds.stream(seedOption.seed));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--region: " + e.getMessage());
        }
        ErrorBitmapFile.write(b, out);
        System.err.println("wrote " + out + ": " + b.failures() + " failed cells of " + b.cells());
        return 0;
    }
}
