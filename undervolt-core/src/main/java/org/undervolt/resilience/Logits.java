package org.undervolt.resilience;

import org.undervolt.nn.tensor.Tensor;

/**
 * Reads predictions off a batch of logits as {@link org.undervolt.nn.train.Evaluator} does: the largest logit
 * (first on ties) is the prediction; a row holding a NaN is wrong; rows with a NaN or an infinity are counted.
 */
final class Logits {
    private Logits() {
    }

    /**
     * For each row {@code r}: whether it is right for label {@code labels[r]}, into {@code correct[offset + r]},
     * and whether it held a NaN or an infinity, into {@code nonfinite[offset + r]} (when not null); returns the
     * rows that held one.
     */
    static int mark(Tensor logits, int[] labels, boolean[] correct, boolean[] nonfinite, int offset) {
        int classes = logits.itemSize();
        float[] z = logits.data();
        int bad = 0;
        for (int r = 0; r < labels.length; r++) {
            int best = 0;
            boolean nan = false;
            boolean finite = true;
            for (int c = 0; c < classes; c++) {
                float v = z[r * classes + c];
                finite &= Float.isFinite(v);
                nan |= Float.isNaN(v);
                if (v > z[r * classes + best]) {
                    best = c;
                }
            }
            correct[offset + r] = !nan && best == labels[r];
            if (nonfinite != null) {
                nonfinite[offset + r] = !finite;
            }
            bad += finite ? 0 : 1;
        }
        return bad;
    }
}
