package org.undervolt.snn;

/**
 * Scales each excitatory neuron's input weights (one column of the 784 x N matrix) so that they sum
 * to {@link DiehlCook#COLUMN_SUM} (78), as the original's {@code normalize_weights()} does before
 * every presentation during training. Sums are taken in double, row by row (cache order).
 */
public final class WeightNormaliser {
    private final double target;
    private double[] sums = new double[0];

    public WeightNormaliser() {
        this(DiehlCook.COLUMN_SUM);
    }

    public WeightNormaliser(double target) {
        this.target = target;
    }

    /**
     * As {@link #normalise}, for weights in delay order ({@link SynapticDelays#byDelay}): each row holds
     * the same synapses permuted, so the column sums add the same values in the same order and the
     * result is bit for bit the delay-ordered form of the row-major one.
     */
    public void normaliseByDelay(float[] wByDelay, SynapticDelays delays) {
        int rows = delays.inputs();
        int cols = delays.neurons();
        int[] targets = delays.targets();
        if (sums.length != cols) {
            sums = new double[cols];
        }
        java.util.Arrays.fill(sums, 0);
        int end = rows * cols;
        for (int r = 0; r < end; r++) {
            sums[targets[r]] += wByDelay[r];
        }
        for (int j = 0; j < cols; j++) {
            sums[j] = sums[j] == 0 ? 1.0 : target / sums[j];
        }
        for (int r = 0; r < end; r++) {
            wByDelay[r] = (float) (wByDelay[r] * sums[targets[r]]);
        }
    }

    /** Normalises {@code w} (row-major {@code rows x cols}) in place; an all-zero column stays zero. */
    public void normalise(float[] w, int rows, int cols) {
        if (sums.length != cols) {
            sums = new double[cols];
        }
        java.util.Arrays.fill(sums, 0);
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                sums[j] += w[row + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            sums[j] = sums[j] == 0 ? 1.0 : target / sums[j];
        }
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                w[row + j] = (float) (w[row + j] * sums[j]);
            }
        }
    }
}
