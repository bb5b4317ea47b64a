package org.undervolt.dram.error;

/**
 * EDEN's clustered error models 1 and 2 ({@link BitlineErrorModel}, {@link WordlineErrorModel}): a line of cells (a bit
 * column of a subarray, or a row) is weak with probability {@code weakFraction}; each cell on a weak line fails,
 * independently in every trial, with probability {@code cellRate}; other cells never fail. The expected bit error rate
 * is {@code weakFraction * cellRate} (Koppula et al., "EDEN", MICRO 2019, §5.2). What the two share: the parameters,
 * the name, the failing cells' gaps and the expected flips; each finds its weak lines its own way.
 */
abstract class WeakLineErrorModel implements ErrorModel {
    private final String line;
    final double weakFraction;
    final double cellRate;
    final WeakCells weakCells;
    /** Gaps between the failing cells on a weak line. */
    final GeometricSkip failSkip;

    /** @param line the kind of line, {@code bitline} or {@code wordline}: the model's name */
    WeakLineErrorModel(String line, double weakFraction, double cellRate, WeakCells weakCells) {
        if (!(weakFraction >= 0 && weakFraction <= 1)) {
            throw new IllegalArgumentException("weak " + line + " fraction must be in [0, 1], not " + weakFraction);
        }
        this.line = line;
        this.failSkip = new GeometricSkip(cellRate);
        this.weakFraction = weakFraction;
        this.cellRate = cellRate;
        this.weakCells = weakCells;
    }

    @Override
    public final String name() {
        return line + "(weak-fraction=" + ErrorModelParameter.shortest(weakFraction) + ", cell-rate="
                + ErrorModelParameter.shortest(cellRate) + ", weak=" + weakCells + ")";
    }

    @Override
    public final boolean needsLayout() {
        return true;
    }

    /**
     * Expected flips: for fixed weak cells the cells of {@code region} on this device's weak lines times the cell rate;
     * redrawn per trial, {@code bits * weakFraction * cellRate}.
     */
    @Override
    public final double expectedFlips(MemoryRegion region) {
        if (!weakCells.fixed()) {
            return region.bits() * weakFraction * cellRate;
        }
        return weakLineCells(region, weakCells.deviceSeed()) * cellRate;
    }

    /** The cells (bits) of {@code region} on the weak lines of the device named by the weak-cell seed {@code seed}. */
    abstract long weakLineCells(MemoryRegion region, long seed);
}
