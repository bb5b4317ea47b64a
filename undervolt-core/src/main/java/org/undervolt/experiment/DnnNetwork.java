package org.undervolt.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.LrSchedule;
import org.undervolt.nn.train.Optimizer;
import org.undervolt.nn.train.Sgd;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.zoo.LeNet5;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.nn.zoo.ResNet;
import org.undervolt.nn.zoo.Vgg;
import org.undervolt.nn.zoo.ZooModel;

/**
 * The DNNs {@code undervolt train} and the {@code eden} pipeline build by name: the two MNIST models of
 * {@link ZooModel} and the two CIFAR-10 models of the zoo, {@link Vgg#small} and {@link ResNet#resnet20}.
 *
 * <p>Images come as {@link ImageShape}: greyscale sets have one channel; a colour set (CIFAR-10) is
 * fed as its planes stacked per image ({@code org.undervolt.nn.train.Batches#stackedPlanes}), so a model
 * with input {@code [channels, rows, cols]} reads exactly one image.
 */
public enum DnnNetwork {
    /** {@link ZooModel#MLP}: pixels-256-128-classes. */
    MLP("mlp", 4, 0f),
    /** {@link ZooModel#LENET5}: 28×28 inputs only. */
    LENET5("lenet5", 8, 5e-4f),
    /**
     * Small VGG with batch norm. Recipe: SGD batch 64, lr 0.05, momentum 0.9, weight decay 5e-4, cosine
     * schedule, 30 epochs; a plain choice, not tuned here (no CIFAR-10 is bundled to tune it on).
     */
    VGG_SMALL("vgg-small", 30, 5e-4f),
    /** ResNet-20 (He et al., CVPR 2016, §4.2); the same untuned recipe as {@link #VGG_SMALL}. */
    RESNET20("resnet20", 30, 5e-4f);

    /** The shape of one image of a data set. */
    public record ImageShape(int channels, int rows, int cols) {
    }

    private final String id;
    private final int defaultEpochs;
    private final float weightDecay;

    DnnNetwork(String id, int defaultEpochs, float weightDecay) {
        this.id = id;
        this.defaultEpochs = defaultEpochs;
        this.weightDecay = weightDecay;
    }

    public String id() {
        return id;
    }

    /** Whether the model is made for colour (CIFAR-10) images and so needs them. */
    public boolean needsColour() {
        return this == VGG_SMALL || this == RESNET20;
    }

    /** Epochs of the recipe. */
    public int defaultEpochs() {
        return defaultEpochs;
    }

    /** An initialised model for images of {@code shape} and {@code classes} classes. */
    public Sequential create(ImageShape shape, int classes, long seed) {
        return switch (this) {
            case MLP -> Mlp.create(new int[] {shape.channels() * shape.rows() * shape.cols(), 256, 128, classes}, seed);
            case LENET5 -> {
                if (shape.rows() != 28 || shape.cols() != 28) {
                    throw new InvalidInputException("network lenet5 needs 28x28 images, the data set has "
                            + shape.rows() + "x" + shape.cols() + " (use vgg-small or resnet20 for CIFAR-10)");
                }
                yield LeNet5.create(shape.channels(), classes, seed);
            }
            case VGG_SMALL -> Vgg.small(shape.channels(), square(shape), classes, seed);
            case RESNET20 -> ResNet.resnet20(shape.channels(), square(shape), classes, seed);
        };
    }

    private int square(ImageShape s) {
        if (s.rows() != s.cols() || s.rows() < 8) {
            throw new InvalidInputException("network " + id + " needs square images of at least 8x8, the data set has "
                    + s.rows() + "x" + s.cols());
        }
        return s.rows();
    }

    /** The recipe's hyper-parameters for {@code epochs} epochs (those of {@link ZooModel} for mlp and lenet5). */
    public TrainConfig config(int epochs, long seed) {
        return new TrainConfig(epochs, 64, 0.05f, 0.9f, weightDecay, seed);
    }

    /** The recipe's optimizer: SGD with the config's momentum and weight decay. */
    public Optimizer optimizer(TrainConfig config) {
        return new Sgd(config.momentum(), config.weightDecay());
    }

    /** The recipe's learning-rate schedule: cosine. */
    public LrSchedule schedule() {
        return LrSchedule.cosine();
    }

    /** The names, for messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(DnnNetwork::id).toList();
    }

    /** The network called {@code name} (case-insensitive; {@code vgg} and {@code resnet-20} also accepted). */
    public static DnnNetwork parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("vgg") || n.equals("vggsmall")) {
            return VGG_SMALL;
        }
        if (n.equals("resnet-20")) {
            return RESNET20;
        }
        for (DnnNetwork d : values()) {
            if (d.id.equals(n)) {
                return d;
            }
        }
        throw new InvalidInputException("unknown network '" + name + "'; expected one of " + names());
    }
}
