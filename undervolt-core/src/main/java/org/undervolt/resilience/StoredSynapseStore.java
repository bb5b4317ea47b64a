package org.undervolt.resilience;

import org.undervolt.snn.RowMajorSynapseStore;
import org.undervolt.snn.SynapseStore;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.Placement;

/**
 * Input weights held as the bytes of a storage format (FP32, INT16, INT8, ...) in a {@link DramImage},
 * one tensor named {@value #TENSOR} of shape {@code [784, N]}, row-major.
 *
 * <p>It is the bridge between the spiking network and the stored bytes, so it lives here and not in
 * {@code snn}, which knows nothing of storage or faults (docs/ARCHITECTURE.md).
 *
 * <p>{@link #image()} is the live image: the fault module injects bit flips into its bytes, and the
 * next {@link #readAll} (the fetch into the compute engine) decodes the corrupted values.
 * {@link #writeAll} re-encodes, fitting the format's parameters (e.g. the INT8 scale) to the new
 * values. Single-element {@link #get}/{@link #set} decode or re-encode the whole tensor: they are
 * for tools and tests; the simulator uses the bulk paths.
 */
public final class StoredSynapseStore extends RowMajorSynapseStore {
    /** Name of the weight tensor in the image. */
    public static final String TENSOR = "snn.input_weights";

    private final FormatSpec spec;
    private final Placement placement;
    private DramImage image;

    private StoredSynapseStore(int rows, int cols, FormatSpec spec, Placement placement, DramImage image) {
        super(rows, cols);
        this.spec = spec;
        this.placement = placement;
        this.image = image;
    }

    /** Encodes the weights of {@code source} in {@code spec}, laid out by {@code placement}. */
    public static StoredSynapseStore of(SynapseStore source, FormatSpec spec, Placement placement) {
        float[] w = new float[source.rows() * source.cols()];
        source.readAll(w);
        StoredSynapseStore s = new StoredSynapseStore(source.rows(), source.cols(), spec, placement, null);
        s.writeAll(w);
        return s;
    }

    /** The live image (inject faults here); replaced by {@link #writeAll}. */
    public DramImage image() {
        return image;
    }

    /** A store over another image of the same layout, e.g. a corrupted copy of {@link #image()}. */
    public StoredSynapseStore withImage(DramImage other) {
        if (other.tensor(TENSOR).count() != rows() * cols()) {
            throw new IllegalArgumentException("image holds a different weight tensor");
        }
        return new StoredSynapseStore(rows(), cols(), spec, placement, other);
    }

    public FormatSpec format() {
        return spec;
    }

    /** The weights decoded from the live image (a new array each time). */
    @Override
    protected float[] values() {
        return image.decode(TENSOR);
    }

    @Override
    public void set(int row, int col, float value) {
        float[] w = values();
        w[index(row, col)] = value;
        writeAll(w);
    }

    @Override
    public void writeAll(float[] src) {
        image = DramImage.builder(placement).add(TENSOR, new int[] {rows(), cols()}, src.clone(), spec).build();
    }

    @Override
    public StoredSynapseStore copy() {
        return new StoredSynapseStore(rows(), cols(), spec, placement, image.copy());
    }
}
