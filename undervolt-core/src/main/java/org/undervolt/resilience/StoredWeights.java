package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;
import org.undervolt.nn.model.Sequential;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.Placement;

/**
 * The weights of a network as they sit in DRAM: every {@link ParameterKind#WEIGHT} tensor encoded in
 * a storage format and laid out in one {@link DramImage}. Biases and other small parameters stay in
 * the accelerator's on-chip registers and are not exposed to DRAM errors.
 */
public final class StoredWeights {
    private final DramImage image;
    private final List<String> names;

    private StoredWeights(DramImage image, List<String> names) {
        this.image = image;
        this.names = List.copyOf(names);
    }

    /** Encodes the weights of {@code model} with {@code format}, placed by {@code placement}. */
    public static StoredWeights of(Sequential model, FormatSpec format, Placement placement) {
        DramImage.Builder b = DramImage.builder(placement);
        List<String> names = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            if (p.kind() == ParameterKind.WEIGHT) {
                b.add(p.name(), p.shape(), p.data(), format);
                names.add(p.name());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("model has no weight tensors to store");
        }
        return new StoredWeights(b.build(), names);
    }

    /** The clean image. Never inject into it directly: take a {@link DramImage#copy()}. */
    public DramImage image() {
        return image;
    }

    /** Names of the stored weight tensors, in layout order. */
    public List<String> names() {
        return names;
    }

    /** Stored bytes of all weights. */
    public long bytes() {
        return image.size();
    }

    /** Writes the values decoded from {@code stored} (possibly corrupted) into {@code target}'s weights. */
    public void loadInto(DramImage stored, Sequential target) {
        for (String name : names) {
            float[] decoded = stored.decode(name);
            float[] dst = target.parameter(name).data();
            System.arraycopy(decoded, 0, dst, 0, dst.length);
        }
    }

    /** A copy of {@code model} whose weights are the stored (quantised) ones, without errors. */
    public Sequential quantisedCopy(Sequential model) {
        Sequential q = model.copy();
        loadInto(image, q);
        return q;
    }
}
