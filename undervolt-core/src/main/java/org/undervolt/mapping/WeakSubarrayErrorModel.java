package org.undervolt.mapping;

import java.util.Locale;
import java.util.SplittableRandom;

import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.FlipListener;
import org.undervolt.dram.error.LocationAwareErrorModel;
import org.undervolt.dram.error.MemoryRegion;
import org.undervolt.dram.error.WeakCells;

/**
 * The {@code weak-subarray} model at one module voltage ({@link WeakSubarrayModel#family}): the subarrays unsafe there
 * err, at the rate inside them; it flips exactly the bits {@code model} flips and only says what it is under its own
 * name ({@code weak-subarray(...)}, not {@code location(...)}: the registry's {@code location} model is another one).
 *
 * @param volts          the module voltage the BER was read as
 * @param unsafeFraction the fraction of subarrays unsafe there, f(V)
 * @param inSubarrayBer  the BER inside an unsafe subarray
 * @param weakCells      whether the subarrays' draws are one device's or redrawn per trial
 * @param model          the location model at that voltage
 */
record WeakSubarrayErrorModel(double volts, double unsafeFraction, double inSubarrayBer, WeakCells weakCells,
        LocationAwareErrorModel model) implements ErrorModel {

    @Override
    public String name() {
        return String.format(Locale.ROOT, "weak-subarray(vdd=%.4f V, unsafe-fraction=%.4g, in-subarray-ber=%.4g, weak=%s)",
                volts, unsafeFraction, inSubarrayBer, weakCells);
    }

    @Override
    public boolean needsLayout() {
        return model.needsLayout();
    }

    @Override
    public long inject(MemoryRegion region, SplittableRandom rng, FlipListener listener) {
        return model.inject(region, rng, listener);
    }

    @Override
    public long copyAndInject(byte[] source, MemoryRegion region, SplittableRandom rng, FlipListener listener) {
        return model.copyAndInject(source, region, rng, listener);
    }

    @Override
    public double expectedFlips(MemoryRegion region) {
        return model.expectedFlips(region);
    }
}
