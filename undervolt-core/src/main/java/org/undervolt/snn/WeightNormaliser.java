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
