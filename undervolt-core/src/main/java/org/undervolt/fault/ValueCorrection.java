package org.undervolt.fault;

/**
 * A repair applied to decoded values after bit errors, before they are used: a cheap comparison
 * that stops a flipped exponent or sign bit from wrecking a layer.
 */
public interface ValueCorrection {

    /** A short description, e.g. {@code bound[-0.5, 0.7]}. */
    String name();

    /** Corrects {@code values} in place; returns how many values it changed. */
    int apply(float[] values);

    /** Leaves values as decoded. */
    ValueCorrection NONE = new ValueCorrection() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public int apply(float[] values) {
            return 0;
        }
    };

    /**
     * EDEN's correction: a value outside the range profiled on error-free data (or not finite)
     * becomes 0 (Koppula et al., "EDEN", MICRO 2019; docs/PAPERS.md §2.4).
     */
    record Bound(float min, float max) implements ValueCorrection {
        public Bound {
            if (!(min <= max)) {
                throw new IllegalArgumentException("bound needs min <= max, got [" + min + ", " + max + "]");
            }
        }

        @Override
        public String name() {
            return "bound[" + min + ", " + max + "]";
        }

        @Override
        public int apply(float[] values) {
            int changed = 0;
            for (int i = 0; i < values.length; i++) {
                float v = values[i];
                if (!(v >= min && v <= max)) { // also catches NaN
                    values[i] = 0f;
                    changed++;
                }
            }
            return changed;
        }
    }

    /**
     * RandBET-style clipping: values are clamped to {@code [min, max]} (NaN becomes 0). Stutz et al.
     * ("Bit Error Robustness for Energy-Efficient DNN Accelerators", MLSys 2021) clip weights to
     * {@code [-w_max, w_max]} during training; applying the same clamp after decoding bounds the
     * damage any flip can do.
     */
    record Clip(float min, float max) implements ValueCorrection {
        public Clip {
            if (!(min <= max)) {
                throw new IllegalArgumentException("clip needs min <= max, got [" + min + ", " + max + "]");
            }
        }

        /** Symmetric clipping to {@code [-wMax, wMax]}. */
        public static Clip symmetric(float wMax) {
            return new Clip(-wMax, wMax);
        }

        @Override
        public String name() {
            return "clip[" + min + ", " + max + "]";
        }

        @Override
        public int apply(float[] values) {
            int changed = 0;
            for (int i = 0; i < values.length; i++) {
                float v = values[i];
                float c = Float.isNaN(v) ? 0f : Math.max(min, Math.min(max, v));
                if (Float.compare(c, v) != 0) {
                    values[i] = c;
                    changed++;
                }
            }
            return changed;
        }
    }
}
