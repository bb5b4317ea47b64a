package org.undervolt.resilience;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.ErrorModelFamily;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.Placement;
import org.undervolt.storage.SequentialPlacement;

/**
 * Where a network's stored weights live in DRAM and which bit errors reach them at a point of the tolerance axis:
 * what the SNN's tolerance trials and fault-aware training read the weights through. The default ({@link
 * #sequential}) is an error model family at the axis BER over the whole image, laid out sequentially in the LPDDR3
 * x32 geometry; the weak-subarray one (SparkXD's weak subarrays following VDD, built by the pipelines) turns the
 * axis BER into a device's voltage and lets only the subarrays unsafe there err. Serialisable, so trials built in
 * another JVM are the same.
 */
public interface WeightStorage extends Serializable {

    /** Where byte {@code b} of the weight image lives. */
    Placement placement();

    /** The errors that reach the stored weights at axis point {@code ber}. */
    ErrorModel errors(double ber);

    /** What identifies these errors and locations in a recipe or point store ("" for {@link #sequential}). */
    String key();

    /** How the errors are decided, for the output. */
    String describe();

    /** The highest axis BER the storage reaches (a device's BER at its lowest voltage); 1 when unbounded. */
    default double maxBer() {
        return 1;
    }

    /**
     * What the model says at axis point {@code ber} for a weight image of {@code bytes} bytes (weak-subarray: the
     * voltage, the unsafe subarrays among the weights'); empty for {@link #sequential}.
     */
    default Map<String, Object> at(double ber, long bytes) {
        return new LinkedHashMap<>();
    }

    /**
     * EDEN's way: the family {@code errorModel} names ({@link ErrorModelRegistry}, weak cells fixed by {@code
     * deviceSeed}) at the axis BER, the weights from address 0 of the LPDDR3 x32 geometry ({@link
     * DramGeometry#lpddr3x32}, {@link SequentialPlacement}).
     */
    static WeightStorage sequential(String errorModel, long deviceSeed) {
        return new Sequential(errorModel, deviceSeed);
    }

    /** {@link #sequential} with an already built family (not serialisable: for local use and tests). */
    static WeightStorage sequential(java.util.function.DoubleFunction<ErrorModel> family) {
        return new WeightStorage() {
            @Override
            public Placement placement() {
                return new SequentialPlacement(DramGeometry.lpddr3x32());
            }

            @Override
            public ErrorModel errors(double ber) {
                return family.apply(ber);
            }

            @Override
            public String key() {
                return "";
            }

            @Override
            public String describe() {
                return "uniform over the weights at the axis BER";
            }
        };
    }

    /** The default storage: a named family over a sequential layout. */
    final class Sequential implements WeightStorage {
        private static final long serialVersionUID = 1L;
        private final String errorModel;
        private final long deviceSeed;
        private transient ErrorModelFamily family;

        Sequential(String errorModel, long deviceSeed) {
            this.errorModel = errorModel;
            this.deviceSeed = deviceSeed;
        }

        @Override
        public Placement placement() {
            return new SequentialPlacement(DramGeometry.lpddr3x32());
        }

        private synchronized ErrorModelFamily family() {
            if (family == null) {
                family = ErrorModelRegistry.family(errorModel, deviceSeed);
            }
            return family;
        }

        @Override
        public ErrorModel errors(double ber) {
            return family().atBer(ber);
        }

        /** The family's reach: 1, or for {@code weak-subarray} the device's BER at its lowest voltage. */
        @Override
        public double maxBer() {
            return family().maxBer();
        }

        @Override
        public String key() {
            return "";
        }

        @Override
        public String describe() {
            return errorModel + " at the axis BER over every stored weight (sequential layout)";
        }
    }
}
