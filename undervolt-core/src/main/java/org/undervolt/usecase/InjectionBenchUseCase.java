package org.undervolt.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.dram.error.UniformErrorModel.Sampler;
import org.undervolt.fault.InjectionBenchmark;
import org.undervolt.fault.SyntheticImages;
import org.undervolt.storage.DramImage;

/**
 * Times error injection against a plain copy of the same stored tensor, for every size and BER of a request, the
 * models of one BER interleaved ({@link InjectionBenchmark#measure}); the blocked sampler is warmed up once before the
 * first point that times it. The implementation behind {@code undervolt errors bench}.
 */
public final class InjectionBenchUseCase {
    private InjectionBenchUseCase() {
    }

    /** Runs the request, handing each point to {@code measured} as soon as it is timed; all points, in order. */
    public static InjectionBenchResult run(InjectionBenchRequest r, Consumer<InjectionBenchResult.Point> measured) {
        List<InjectionBenchResult.Point> points = new ArrayList<>();
        for (long bits : r.sizes()) {
            DramImage clean = SyntheticImages.gaussian(r.format(), bits, r.seed(), InjectUseCase.GEOMETRY);
            for (double ber : r.bers()) {
                List<ErrorModel> models = r.modelsAt().apply(ber);
                if (points.isEmpty() && models.stream().anyMatch(InjectionBenchUseCase::blocked)) {
                    InjectionBenchmark.warmUpBlockedSampler(r.firstWarmupMs() * 1_000_000L);
                }
                List<InjectionBenchmark.Result> results = InjectionBenchmark.measure(clean, models, r.repeats(), r.warmup(),
                        r.warmupMs() * 1_000_000L, r.seed());
                for (int i = 0; i < models.size(); i++) {
                    InjectionBenchmark.Result m = results.get(i);
                    var p = new InjectionBenchResult.Point(m.bits(), ber, sampler(models.get(i)), m.flips(),
                            m.copyNanos() / 1e6, m.injectNanos() / 1e6, m.ratio(), m.fusedNanos() / 1e6, m.fusedExtraRatio());
                    points.add(p);
                    measured.accept(p);
                }
            }
        }
        return new InjectionBenchResult(r.formatName(), r.model(), r.repeats(), InjectionBenchResult.TIMING, points);
    }

    private static boolean blocked(ErrorModel m) {
        return m instanceof UniformErrorModel u && u.sampler() == Sampler.BLOCKED;
    }

    /** The uniform model's sampler, lower case, or {@code -} for another model. */
    private static String sampler(ErrorModel m) {
        return m instanceof UniformErrorModel u ? u.sampler().name().toLowerCase(Locale.ROOT) : "-";
    }
}
