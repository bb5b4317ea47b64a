package org.undervolt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.undervolt.dram.error.ErrorBitmap;
import org.undervolt.dram.error.ErrorBitmapFile;
import org.undervolt.dram.error.ErrorModelFitter;
import org.undervolt.dram.error.ModelFit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code undervolt errors fit FILE}: fits every error model to a characterisation bitmap. */
@Command(name = "fit", mixinStandardHelpOptions = true, usageHelpWidth = 120,
        description = "Fit error models 0-3 and the weak-subarray model to a bitmap by maximum likelihood; rank by AIC.",
        footer = {"", "Example (a bitmap from 'errors bitmap'):",
                "  undervolt errors bitmap --error-model wordline:weak-fraction=0.05 --device-seed 2 --ber 5e-3 --out w.bitmap",
                "  undervolt errors fit w.bitmap"})
public final class ErrorsFitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Bitmap file (format: undervolt-bitmap 1, see ErrorBitmapFile).")
    Path file;

    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() throws Exception {
        ErrorBitmap b = ErrorBitmapFile.read(file);
        List<ModelFit> fits = ErrorModelFitter.fitAll(b);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelFit f : fits) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", f.model());
            row.put("spec", f.spec());
            row.put("parameters", new TreeMap<>(f.parameters()));
            row.put("log_likelihood", f.logLikelihood());
            row.put("aic", f.aic());
            row.put("bic", f.bic());
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("vdd", b.vdd());
        out.put("trcd", b.trcd());
        out.put("pattern", String.format("0x%02X", b.pattern()));
        out.put("cells", b.cells());
        out.put("failures", b.failures());
        out.put("observed_ber", (double) b.failures() / b.cells());
        out.put("best", fits.get(0).model());
        out.put("best_spec", fits.get(0).spec());
        out.put("best_bic", fits.stream().min(Comparator.comparingDouble(ModelFit::bic)).orElseThrow().model());
        out.put("fits", rows);
        jsonOption.printLine(out, w -> {
            w.printf("%s: %d of %d cells failed (BER %.3e), pattern %s, VDD %s V, tRCD %s ns%n", file,
                    b.failures(), b.cells(), (double) b.failures() / b.cells(), out.get("pattern"), HumanNumbers.text(b.vdd()),
                    HumanNumbers.text(b.trcd()));
            w.printf("%-15s %14s %14s %14s  %-32s %s%n", "model", "log L", "AIC", "BIC", "--error-model",
                    "parameters");
            for (ModelFit f : fits) {
                w.printf("%-15s %14.2f %14.2f %14.2f  %-32s %s%n", f.model(), f.logLikelihood(), f.aic(), f.bic(),
                        f.spec() == null ? "-" : f.spec(), HumanNumbers.pairs(f.registryParameters()));
            }
            w.println("best by AIC: " + out.get("best") + "; by BIC: " + out.get("best_bic")
                    + (fits.get(0).spec() == null ? "" : "; inject it with --error-model " + fits.get(0).spec()
                    + " --ber " + String.format("%.3e", (double) b.failures() / b.cells())));
        });
        return 0;
    }
}
