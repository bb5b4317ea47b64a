package org.undervolt.nn.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Element-wise comparison within 1e-4 (absolute below 1, relative above); INT64 exactly. */
final class Close {
    static final double TOL = 1e-4;

    private Close() {
    }

    static void assertClose(NdArray actual, NdArray expected, String what) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(expected.shape());
        assertThat(actual.elemType()).as(what + " element type").isEqualTo(expected.elemType());
        if (!expected.isFloat()) {
            assertThat(actual.longs()).as(what).containsExactly(expected.longs());
            return;
        }
        float[] a = actual.floats();
        float[] e = expected.floats();
        for (int i = 0; i < a.length; i++) {
            double err = Math.abs((double) a[i] - e[i]);
            if (!(err <= TOL * Math.max(1, Math.abs(e[i]))) && !(Float.isNaN(a[i]) && Float.isNaN(e[i]))) {
                fail(what + ": element " + i + " is " + a[i] + ", expected " + e[i]);
            }
        }
    }

    /** Largest absolute difference. */
    static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs((double) a[i] - b[i]));
        }
        return m;
    }
}
