package org.undervolt.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named tensors laid out back to back in one byte array, each byte with its DRAM location given by
 * a {@link Placement}. This is what bit errors are injected into: a trial takes a {@link #copy()},
 * flips bits in its {@link #bytes()}, and decodes the tensors back.
 *
 * <pre>{@code
 * DramImage clean = DramImage.builder(new SequentialPlacement(DramGeometry.lpddr3x32()))
 *         .add("fc1.weight", new int[] {128, 784}, w1, Formats.INT8)
 *         .build();
 * DramImage trial = clean.copy();
 * Injector.inject(trial, new UniformErrorModel(1e-4), Seeds.stream(seed, berIndex, t));
 * float[] noisy = trial.decode("fc1.weight");
 * }</pre>
 */
public final class DramImage {
    private final byte[] bytes;
    private final Map<String, StoredTensor> tensors;
    private final Placement placement;

    private DramImage(byte[] bytes, Map<String, StoredTensor> tensors, Placement placement) {
        this.bytes = bytes;
        this.tensors = tensors;
        this.placement = placement;
    }

    public static Builder builder(Placement placement) {
        return new Builder(placement);
    }

    /** The stored bytes themselves (not a copy): error injection writes here. */
    public byte[] bytes() {
        return bytes;
    }

    /** Size of the image in bytes. */
    public int size() {
        return bytes.length;
    }

    public Placement placement() {
        return placement;
    }

    /** The tensors in layout order. */
    public Collection<StoredTensor> tensors() {
        return tensors.values();
    }

    /** The tensor of that name; throws if there is none. */
    public StoredTensor tensor(String name) {
        StoredTensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor '" + name + "' in image; have " + tensors.keySet());
        }
        return t;
    }

    /** Decodes a tensor's current (possibly corrupted) bytes. */
    public float[] decode(String name) {
        return tensor(name).decode(bytes);
    }

    /** An independent image with the same layout and a fresh copy of the bytes. */
    public DramImage copy() {
        return new DramImage(bytes.clone(), tensors, placement);
    }

    /** Overwrites this image's bytes with another image's (same layout), to reuse a trial buffer. */
    public void restoreFrom(DramImage clean) {
        checkSameLayout(clean);
        System.arraycopy(clean.bytes, 0, bytes, 0, bytes.length);
    }

    /** Throws unless {@code other} has this image's tensors and size (a clean image and its trial buffer). */
    public void checkSameLayout(DramImage other) {
        if (other.tensors != tensors && !other.tensors.equals(tensors) || other.bytes.length != bytes.length) {
            throw new IllegalArgumentException("images have different layouts");
        }
    }

    /** Builds an image tensor by tensor, in order. */
    public static final class Builder {
        private final Placement placement;
        private final Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        private final List<float[]> values = new ArrayList<>();
        private long size;

        private Builder(Placement placement) {
            this.placement = placement;
        }

        /** Adds a tensor, fitting the format's parameters to its values. */
        public Builder add(String name, int[] shape, float[] data, FormatSpec spec) {
            return addFitted(name, shape, data, spec.fit(data, shape));
        }

        /** Adds a tensor stored in an already-fitted format (e.g. scales chosen elsewhere). */
        public Builder addFitted(String name, int[] shape, float[] data, NumberFormat format) {
            if (tensors.containsKey(name)) {
                throw new IllegalArgumentException("duplicate tensor name '" + name + "'");
            }
            if (Shapes.count(shape) != data.length) {
                throw new IllegalArgumentException(name + ": shape holds " + Shapes.count(shape)
                        + " values, data has " + data.length);
            }
            int length = format.byteLength(data.length);
            if (size + length > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("image would exceed 2 GiB at tensor '" + name + "'");
            }
            tensors.put(name, new StoredTensor(name, shape, format, (int) size, length));
            values.add(data);
            size += length;
            return this;
        }

        public DramImage build() {
            if (size > 0) {
                placement.locate(size - 1); // throws if the image does not fit in the DRAM
            }
            byte[] bytes = new byte[(int) size];
            int i = 0;
            for (StoredTensor t : tensors.values()) {
                t.format().encode(values.get(i++), bytes, t.offset());
            }
            return new DramImage(bytes, Collections.unmodifiableMap(new LinkedHashMap<>(tensors)), placement);
        }
    }
}
