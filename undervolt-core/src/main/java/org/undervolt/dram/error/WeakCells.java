package org.undervolt.dram.error;

import java.util.SplittableRandom;

import org.undervolt.random.Seeds;

/**
 * Whether a device's weak cells (bitlines, wordlines, subarrays) are fixed or redrawn every trial.
 *
 * <p>Real chips have weak cells at fixed places (Chang et al., "Voltron", SIGMETRICS 2017, find
 * voltage-induced errors concentrated in the same locations across runs); a simulation of one device
 * therefore draws them once from a device seed, while a study of a population of devices redraws
 * them every trial. Which cells are weak is decided per physical location from
 * {@code (seed, model tag, bank, subarray, ...)}, so the same device gives the same weak cells
 * whatever part of memory is injected and in whatever order.
 */
public record WeakCells(boolean fixed, long deviceSeed) {
    /** The device every command, pipeline and sweep spec uses unless told otherwise ({@code --device-seed}, {@code device_seed}). */
    public static final long DEFAULT_DEVICE_SEED = 1;

    /** Weak cells drawn once, from {@code deviceSeed}. */
    public static WeakCells fixed(long deviceSeed) {
        return new WeakCells(true, deviceSeed);
    }

    /** Weak cells redrawn from every trial's generator. */
    public static WeakCells perTrial() {
        return new WeakCells(false, 0);
    }

    /** The seed that names this injection's weak cells: the device seed, or one drawn from the trial. */
    public long seed(SplittableRandom trial) {
        return fixed ? deviceSeed : trial.nextLong();
    }

    /** A uniform number in [0, 1) that depends only on the seed and the location ids. */
    public static double uniform(long seed, long... ids) {
        return (Seeds.derive(seed, ids) >>> 11) * 0x1p-53;
    }

    @Override
    public String toString() {
        return fixed ? "fixed(device=" + deviceSeed + ")" : "per-trial";
    }
}
