package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.dram.access.AccessCounts;
import org.undervolt.dram.access.OpenPageCounter;

/**
 * The DRAM traffic of batch-1 streaming inference, the dataflow of a small accelerator without room
 * for the weights on chip: for every image, read the image from the data set region, read every
 * weight tensor front to back, and write the output (logits) back.
 *
 * <p>The access stream is replayed through an {@link OpenPageCounter} image by image, exactly (no
 * extrapolation), so row-buffer hits, misses and conflicts are those of the real address sequence.
 *
 * @param weights     the weight tensors in the order the layers read them
 * @param images      the stored images, {@code imageBytes} each, back to back
 * @param imageBytes  bytes per stored input image
 * @param outputs     where outputs are written, {@code outputBytes} per image, back to back
 * @param outputBytes bytes per output written
 */
public record StreamingInference(List<DataRegion> weights, DataRegion images, long imageBytes, DataRegion outputs,
        long outputBytes) {

    public StreamingInference {
        weights = List.copyOf(weights);
        if (imageBytes <= 0 || images.bytes() % imageBytes != 0) {
            throw new IllegalArgumentException("image region of " + images.bytes() + " bytes is not a whole number of "
                    + imageBytes + "-byte images");
        }
        if (outputBytes < 0 || outputs.bytes() != images.bytes() / imageBytes * outputBytes) {
            throw new IllegalArgumentException("output region must hold " + outputBytes + " bytes per image");
        }
    }

    /**
     * Lays out a network's weights (already placed at {@code weightRegions}) followed by a data set of
     * {@code count} images and their outputs, each region starting on a fresh DRAM row of {@code rowBytes}.
     */
    public static StreamingInference layout(List<DataRegion> weightRegions, int count, long imageBytes,
            long outputBytes, long rowBytes) {
        long end = 0;
        for (DataRegion r : weightRegions) {
            end = Math.max(end, r.end());
        }
        long imagesAt = alignUp(end, rowBytes);
        DataRegion images = new DataRegion("input images", imagesAt, count * imageBytes);
        DataRegion outputs = new DataRegion("outputs", alignUp(images.end(), rowBytes), count * outputBytes);
        return new StreamingInference(weightRegions, images, imageBytes, outputs, outputBytes);
    }

    public int imageCount() {
        return (int) (images.bytes() / imageBytes);
    }

    /** Bytes moved per image: the image, every weight, the output. */
    public long bytesPerImage() {
        long w = 0;
        for (DataRegion r : weights) {
            w += r.bytes();
        }
        return imageBytes + w + outputBytes;
    }

    /** The per-image dataflow as region accesses, for display and for other replays. */
    public List<RegionAccess> stepsFor(int image) {
        List<RegionAccess> steps = new ArrayList<>(weights.size() + 2);
        steps.add(RegionAccess.read(new DataRegion("image " + image, images.address() + image * imageBytes, imageBytes)));
        for (DataRegion w : weights) {
            steps.add(RegionAccess.read(w));
        }
        if (outputBytes > 0) {
            steps.add(RegionAccess.write(
                    new DataRegion("output " + image, outputs.address() + image * outputBytes, outputBytes)));
        }
        return steps;
    }

    /** Replays the whole pass over all images through {@code counter} and returns its counts. */
    public AccessCounts replay(OpenPageCounter counter) {
        int n = imageCount();
        for (int i = 0; i < n; i++) {
            for (RegionAccess a : stepsFor(i)) {
                counter.accessRange(a.region().address(), a.region().bytes(), a.write());
            }
        }
        return counter.counts();
    }

    private static long alignUp(long x, long unit) {
        return (x + unit - 1) / unit * unit;
    }
}
