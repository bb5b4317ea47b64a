package org.undervolt.snn;

import java.nio.file.Path;

import org.undervolt.data.ImageDataset;

/**
 * Unsupervised STDP training of a Diehl and Cook network, image after image, with checkpoints.
 *
 * <p>Global image index {@code g} shows training image {@code g mod size} (several epochs when the
 * budget exceeds the set), drawing its spikes from {@code (seed, TRAIN, g, attempt)}. The model
 * (weights, theta, {@code imagesTrained}) is all the state carried between images, so training
 * {@code 0..2K}, or {@code 0..K} then resuming from the checkpoint for {@code K..2K}, give
 * bit-identical models. Checkpoints are written every {@code checkpointEvery} images (at global
 * indices that are multiples of it) and are atomic: a kill loses at most the images since the last.
 */
public final class SnnTrainer {
    /** Receives progress after every image. */
    public interface Listener {
        void imageDone(long imagesTrained, int spikes, int attempts);
    }

    private final SnnModel model;
    private final ImagePresenter presenter;
    private final SynapticDelays delays;
    private final float[] w;
    private final float[] wByDelay;
    private final int[] counts;

    public SnnTrainer(SnnModel model) {
        this.model = model;
        this.presenter = new ImagePresenter(model.delays());
        this.delays = model.delays();
        this.w = new float[DiehlCook.INPUTS * model.neurons()];
        this.wByDelay = new float[w.length];
        this.counts = new int[model.neurons()];
    }

    /**
     * Trains until {@code model.imagesTrained() == untilImage}.
     *
     * @param checkpoint      file to checkpoint to, or null
     * @param checkpointEvery images between checkpoints (> 0), ignored without a file
     * @param listener        progress, or null
     */
    public void train(ImageDataset data, long untilImage, Path checkpoint, long checkpointEvery, Listener listener) {
        if (data.imageSize() != DiehlCook.INPUTS) {
            throw new IllegalArgumentException("images must have 784 pixels, got " + data.imageSize());
        }
        model.weights().readAll(w);
        delays.byDelay(w, wByDelay);
        double[] theta = model.theta();
        int size = data.size();
        for (long g = model.imagesTrained(); g < untilImage; g++) {
            int img = (int) (g % size);
            int spikes = presenter.train(data.pixels(), img * DiehlCook.INPUTS, wByDelay, theta,
                    model.seed(), SnnModel.STREAM_TRAIN, g, counts);
            model.setImagesTrained(g + 1);
            if (listener != null) {
                listener.imageDone(g + 1, spikes, presenter.attempts());
            }
            if (checkpoint != null && checkpointEvery > 0 && (g + 1) % checkpointEvery == 0 && g + 1 < untilImage) {
                sync();
                SnnModelFile.write(model, checkpoint);
            }
        }
        sync();
    }

    /** Stores the working weights and reads them back (so a rounding store behaves the same on resume). */
    private void sync() {
        delays.rowMajor(wByDelay, w);
        model.weights().writeAll(w);
        model.weights().readAll(w);
        delays.byDelay(w, wByDelay);
    }
}
