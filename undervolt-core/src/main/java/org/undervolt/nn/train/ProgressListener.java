package org.undervolt.nn.train;

/** Told about each finished epoch. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (epoch, loss, seconds) -> {
    };

    /**
     * @param epoch   1-based epoch just finished
     * @param loss    mean training loss over its steps
     * @param seconds wall time of the epoch
     */
    void onEpoch(int epoch, double loss, double seconds);
}
