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
    private final int n;
    private int attempts;

    public ImagePresenter(SynapticDelays delays) {
        this.simulator = new Simulator(delays);
        this.n = delays.neurons();
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

    /** As above; for inference, {@code wByDelay} is {@link SynapticDelays#byDelay} of {@code w}, or null. */
    public int present(byte[] pixels, int offset, float[] w, float[] wByDelay, double[] theta, boolean learn,
            long seed, long stream, long imageId, int[] counts) {
        int total = 0;
        attempts = 0;
        double intensity = DiehlCook.START_INTENSITY;
        while (attempts < DiehlCook.MAX_ATTEMPTS) {
            if (learn) {
                normaliser.normalise(w, DiehlCook.INPUTS, n);
            }
            encoder.encode(pixels, offset, DiehlCook.INPUTS, intensity, Seeds.stream(seed, stream, imageId, attempts));
            total = simulator.present(encoder, w, learn ? null : wByDelay, theta, learn, counts);
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
