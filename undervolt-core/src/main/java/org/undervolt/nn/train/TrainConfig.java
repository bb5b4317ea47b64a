package org.undervolt.nn.train;

/**
 * Hyper-parameters of a training run.
 *
 * @param epochs       passes over the training set
 * @param batchSize    images per step (the last step of an epoch may hold fewer)
 * @param learningRate base learning rate (scaled per step by the trainer's {@link LrSchedule})
 * @param momentum     SGD momentum in {@code [0, 1)} (ignored by Adam)
 * @param weightDecay  L2 weight decay on weights, {@code >= 0}
 * @param seed         master seed: shuffling, initialisation (done by the model factory) and dropout derive from it
 */
public record TrainConfig(int epochs, int batchSize, float learningRate, float momentum, float weightDecay, long seed) {

    public TrainConfig {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0: " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive: " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1): " + momentum);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weightDecay must be >= 0: " + weightDecay);
        }
    }

    /** SGD defaults that train the MLP and LeNet-5 on MNIST: batch 64, lr 0.05, momentum 0.9, no decay. */
    public static TrainConfig defaults(int epochs, long seed) {
        return new TrainConfig(epochs, 64, 0.05f, 0.9f, 0f, seed);
    }
}
