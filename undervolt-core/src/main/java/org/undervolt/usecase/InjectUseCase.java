package org.undervolt.usecase;

import org.undervolt.fault.Injector;
import org.undervolt.fault.SyntheticImages;
import org.undervolt.random.Seeds;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;

/**
 * Stores a synthetic tensor in a format and injects an error model into its DRAM image, trial after trial from the
 * same clean image, counting flips and timing the injection apart from the copy. The implementation behind
 * {@code undervolt errors inject}.
 */
public final class InjectUseCase {
    /** The geometry the tensor is laid out in, sequentially: one LPDDR3 x32 channel ({@link DramGeometry#lpddr3x32}). */
    public static final DramGeometry GEOMETRY = DramGeometry.lpddr3x32();

    private InjectUseCase() {
    }

    /** Runs the request's trials (the request checked that its bits fit {@link #GEOMETRY}). */
    public static InjectResult run(InjectRequest r) {
        DramImage clean = SyntheticImages.gaussian(r.format(), r.bits(), r.seed(), GEOMETRY);
        DramImage trial = clean.copy();
        long flips = 0;
        long injectNanos = 0;
        long copyNanos = 0;
        for (int t = 0; t < r.trials(); t++) {
            long t0 = System.nanoTime();
            trial.restoreFrom(clean);
            long t1 = System.nanoTime();
            flips += Injector.inject(trial, r.model(), Seeds.stream(r.seed(), t));
            injectNanos += System.nanoTime() - t1;
            copyNanos += t1 - t0;
        }
        return new InjectResult(r.format().name(), r.model().name(), r.ber(), 8L * clean.size(), r.trials(), flips,
                r.model().expectedFlips(Injector.region(clean, 0, clean.size())) * r.trials(), injectNanos * 1e-9,
                copyNanos * 1e-9, r.seed());
    }
}
