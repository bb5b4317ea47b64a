package org.undervolt.cli;

import java.nio.file.Path;
import java.util.Comparator;
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
        List<Fit> rows = fits.stream().map(f -> new Fit(f.model(), f.spec(), new TreeMap<>(f.parameters()),
                f.logLikelihood(), f.aic(), f.bic())).toList();
        Fitted out = new Fitted(file.toString(), b.vdd(), b.trcd(), String.format("0x%02X", b.pattern()), b.cells(),
                b.failures(), (double) b.failures() / b.cells(), fits.get(0).model(), fits.get(0).spec(),
                fits.stream().min(Comparator.comparingDouble(ModelFit::bic)).orElseThrow().model(), rows);
        jsonOption.printLine(out, w -> {
            w.printf("%s: %d of %d cells failed (BER %.3e), pattern %s, VDD %s V, tRCD %s ns%n", file,
                    b.failures(), b.cells(), (double) b.failures() / b.cells(), out.pattern(), HumanNumbers.text(b.vdd()),
                    HumanNumbers.text(b.trcd()));
            w.printf("%-15s %14s %14s %14s  %-32s %s%n", "model", "log L", "AIC", "BIC", "--error-model",
                    "parameters");
            for (ModelFit f : fits) {
                w.printf("%-15s %14.2f %14.2f %14.2f  %-32s %s%n", f.model(), f.logLikelihood(), f.aic(), f.bic(),
                        f.spec() == null ? "-" : f.spec(), HumanNumbers.pairs(f.registryParameters()));
            }
            w.println("best by AIC: " + out.best() + "; by BIC: " + out.bestBic()
                    + (fits.get(0).spec() == null ? "" : "; inject it with --error-model " + fits.get(0).spec()
                    + " --ber " + String.format("%.3e", (double) b.failures() / b.cells())));
        });
        return 0;
    }

    /**
     * What {@code errors fit --json} prints: the bitmap's conditions and failures, and every model's fit, best by AIC
     * first; its components are the keys in order (snake_case).
     *
     * @param trcd     tRCD of the characterisation, ns
     * @param best     the best model by AIC; {@code bestSpec} the {@code --error-model} that draws from it
     * @param bestBic  the best model by BIC
     */
    record Fitted(String file, double vdd, double trcd, String pattern, long cells, int failures, double observedBer,
            String best, String bestSpec, String bestBic, List<Fit> fits) {
    }

    /** One model fitted: its parameters (by name), log-likelihood and information criteria. */
    record Fit(String model, String spec, Map<String, Double> parameters, double logLikelihood, double aic, double bic) {
    }
}
