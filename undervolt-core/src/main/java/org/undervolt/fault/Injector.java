package org.undervolt.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.FlipListener;
import org.undervolt.dram.error.MemoryRegion;
import org.undervolt.dram.error.RowSpan;
import org.undervolt.random.Seeds;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.DramLocation;
import org.undervolt.storage.NumberFormat;
import org.undervolt.storage.Placement;
import org.undervolt.storage.StoredTensor;

/**
 * Applies an {@link ErrorModel} to the stored bytes of a {@link DramImage}, at the DRAM locations
 * its placement gives them. Injection changes the image in place: inject into a
 * {@link DramImage#copy()} (or a buffer refreshed with {@link DramImage#restoreFrom}) per trial.
 *
 * <p>Randomness comes only from the generator passed in; {@link #inject(DramImage, ErrorModel, long, long...)}
 * derives it from {@code (master seed, trial ids)} with {@link Seeds#stream}.
 */
public final class Injector {
    private Injector() {
    }

    /** Injects into the whole image; returns the number of flipped bits. */
    public static long inject(DramImage image, ErrorModel model, SplittableRandom rng) {
        return inject(image, 0, image.size(), model, rng, FlipListener.NONE);
    }

    /** Injects into the whole image with the stream named by {@code (seed, trialIds...)}. */
    public static long inject(DramImage image, ErrorModel model, long seed, long... trialIds) {
        return inject(image, model, Seeds.stream(seed, trialIds));
    }

    /**
     * One trial in a reused buffer: restores {@code trial} from {@code clean} and injects, with the
     * same flips as {@link DramImage#restoreFrom} followed by {@link #inject(DramImage, ErrorModel,
     * SplittableRandom)}, in one pass over memory where the model can ({@link ErrorModel#copyAndInject}).
     *
     * @return the number of flipped bits
     */
    public static long restoreAndInject(DramImage trial, DramImage clean, ErrorModel model, SplittableRandom rng) {
        trial.checkSameLayout(clean);
        return model.copyAndInject(clean.bytes(), region(trial, 0, trial.size()), rng, FlipListener.NONE);
    }

    /**
     * One trial: a fresh copy of {@code clean} with errors injected from the stream named by
     * {@code (seed, trialIds...)}; {@code clean} is left untouched.
     */
    public static DramImage trial(DramImage clean, ErrorModel model, long seed, long... trialIds) {
        DramImage copy = clean.copy();
        inject(copy, model, seed, trialIds);
        return copy;
    }

    /**
     * Corrupts values that are stored only transiently, such as activations (IFMs) written to DRAM
     * between layers in EDEN's retraining: encodes them in {@code format}, injects, and decodes back
     * in place. Only models that ignore location qualify; place tensors that need a location in a
     * {@link DramImage}.
     *
     * @return the number of flipped bits
     */
    public static long corruptValues(float[] values, NumberFormat format, ErrorModel model, SplittableRandom rng) {
        if (model.needsLayout()) {
            throw new IllegalArgumentException(model.name() + " needs DRAM locations; store the tensor in a DramImage");
        }
        byte[] stored = format.encode(values);
        long flips = model.inject(MemoryRegion.of(stored), rng);
        format.decode(stored, 0, values);
        return flips;
    }

    /** Injects into one tensor's bytes only. */
    public static long inject(DramImage image, String tensor, ErrorModel model, SplittableRandom rng) {
        StoredTensor t = image.tensor(tensor);
        return inject(image, t.offset(), t.offset() + t.byteLength(), model, rng, FlipListener.NONE);
    }

    /** Injects into image bytes {@code [from, to)}, reporting each flip (bit index into the image). */
    public static long inject(DramImage image, int from, int to, ErrorModel model, SplittableRandom rng,
                              FlipListener listener) {
        return model.inject(region(image, from, to), rng, listener);
    }

    /** The image bytes {@code [from, to)} as a region whose row spans come from the placement. */
    public static MemoryRegion region(DramImage image, int from, int to) {
        Placement placement = image.placement();
        return new MemoryRegion(image.bytes(), from, to, () -> spans(placement, from, to));
    }

    /** Splits image bytes {@code [from, to)} into runs that each lie in one DRAM row. */
    public static List<RowSpan> spans(Placement placement, int from, int to) {
        DramGeometry g = placement.geometry();
        List<RowSpan> out = new ArrayList<>();
        int at = from;
        while (at < to) {
            DramLocation loc = placement.locate(at);
            int end = (int) Math.min(to, (long) at + placement.runLength(at));
            out.add(new RowSpan(at, end, loc.flatBank(g), loc.subarray(), loc.row(), loc.column()));
            at = end;
        }
        return out;
    }
}
