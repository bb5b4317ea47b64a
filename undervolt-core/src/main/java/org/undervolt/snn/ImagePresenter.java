package org.undervolt.snn;

import org.undervolt.random.Seeds;

/**
 * Shows one image to the network with the original's repetition rule: start at intensity 2; while
 * fewer than 5 excitatory spikes occur, raise the intensity by 1 and show the image again (after the
 * rest). When learning, the weights are normalised before every presentation, as the original does.
 *
 * <p>The spike trains of attempt {@code a} of image {@code g} come from
 * {@code Seeds.stream(seed, stream, g, a)}, so they depend only on the image's identity, never on
 * which thread shows it or what was shown before. One presenter per thread.
 */
public final class ImagePresenter {
    private final PoissonEncoder encoder = new PoissonEncoder();
    private final Simulator simulator;
    private final WeightNormaliser normaliser = new WeightNormaliser();
    private final SynapticDelays delays;
    private int attempts;

    public ImagePresenter(SynapticDelays delays) {
        this.delays = delays;
        this.simulator = new Simulator(delays);
    }

    /**
     * Presents image {@code imageId} (pixels at {@code pixels[offset .. offset+784)}) until it
     * evokes at least 5 spikes or {@link DiehlCook#MAX_ATTEMPTS} presentations were made.
     *
     * @param counts written: the excitatory spike counts of the last presentation (length N)
     * @return the total spikes of the last presentation
     */
    public int present(byte[] pixels, int offset, float[] w, double[] theta, boolean learn,
            long seed, long stream, long imageId, int[] counts) {
        return present(pixels, offset, w, null, theta, learn, seed, stream, imageId, counts);
    }

    /**
     * As above; for inference, {@code wByDelay} is {@link SynapticDelays#byDelay} of {@code w}, or null.
     * Learning on row-major {@code w} converts it to delay order and back around the image; trainers
     * keep their weights in delay order and call {@link #train} instead.
     */
    public int present(byte[] pixels, int offset, float[] w, float[] wByDelay, double[] theta, boolean learn,
            long seed, long stream, long imageId, int[] counts) {
        if (learn) {
            float[] byDelay = delays.byDelay(w);
            int total = train(pixels, offset, byDelay, theta, seed, stream, imageId, counts);
            delays.rowMajor(byDelay, w);
            return total;
        }
        return show(pixels, offset, w, wByDelay, theta, false, seed, stream, imageId, counts);
    }

    /**
     * Shows image {@code imageId} with learning, as {@link #present} does, to weights held in delay
     * order ({@link SynapticDelays#byDelay}), normalising them before every presentation.
     */
    public int train(byte[] pixels, int offset, float[] wByDelay, double[] theta,
            long seed, long stream, long imageId, int[] counts) {
        return show(pixels, offset, null, wByDelay, theta, true, seed, stream, imageId, counts);
    }

    /** The repetition rule around one presentation; when learning, only {@code wByDelay} is used. */
    private int show(byte[] pixels, int offset, float[] w, float[] wByDelay, double[] theta, boolean learn,
            long seed, long stream, long imageId, int[] counts) {
        int total = 0;
        attempts = 0;
        double intensity = DiehlCook.START_INTENSITY;
        while (attempts < DiehlCook.MAX_ATTEMPTS) {
            if (learn) {
                normaliser.normaliseByDelay(wByDelay, delays);
            }
            encoder.encode(pixels, offset, DiehlCook.INPUTS, intensity, Seeds.stream(seed, stream, imageId, attempts));
            total = learn
                    ? simulator.train(encoder, wByDelay, theta, counts)
                    : simulator.present(encoder, w, wByDelay, theta, false, counts);
            attempts++;
            if (total >= DiehlCook.MIN_SPIKES) {
                break;
            }
            intensity += 1;
        }
        return total;
    }

    /** Presentations made by the last {@link #present} call. */
    public int attempts() {
        return attempts;
    }
}
