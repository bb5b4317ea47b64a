package org.undervolt.nn.zoo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.undervolt.EnumWords;
import org.undervolt.InvalidInputException;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.LrSchedule;
import org.undervolt.nn.train.Optimizer;
import org.undervolt.nn.train.Sgd;
import org.undervolt.nn.train.TrainConfig;

/**
 * The DNNs built by name ({@code undervolt train --network NAME}, {@code undervolt nn-bench}, the
 * {@code eden} pipeline's {@code network}, {@code map --network}), each with its training recipe: the MNIST
 * models {@link Mlp} (two sizes) and {@link LeNet5}, and the two CIFAR-10 models {@link Vgg#small} and
 * {@link ResNet#resnet20}. Every recipe is SGD, batch 64, lr 0.05, momentum 0.9; they differ in weight decay,
 * epochs and schedule (cosine, except {@link #MLP_256}'s constant rate, the demo's).
 */
public enum ZooModel {
    /**
     * MLP {@code pixels-256-128-classes}; SGD batch 64, lr 0.05, momentum 0.9, cosine schedule,
     * 4 epochs: 98.05 % on MNIST (seed 1).
     */
    MLP(4, 0f),
    /**
     * MLP {@code pixels-256-classes}, the network of {@code undervolt demo} (784-256-10 on MNIST) with the demo's
     * recipe: SGD batch 64, lr 0.05, momentum 0.9, no weight decay, constant rate, 8 epochs. {@code undervolt
     * train --network mlp-256 --epochs 8} trains the network the demo trains.
     */
    MLP_256(8, 0f),
    /**
     * LeNet-5 ({@link LeNet5}), 28×28 inputs only; SGD batch 64, lr 0.05, momentum 0.9, weight decay
     * 5e-4, cosine schedule, 8 epochs: 99.22 % on MNIST (seed 1), 73 s on 2 shared cores; 90.9 % on
     * Fashion-MNIST.
     */
    LENET5(8, 5e-4f),
    /**
     * Small VGG with batch norm ({@link Vgg#small}). Recipe: SGD batch 64, lr 0.05, momentum 0.9, weight
     * decay 5e-4, cosine schedule, 30 epochs; a plain choice, not tuned here (no CIFAR-10 is bundled to
     * tune it on).
     */
    VGG_SMALL(30, 5e-4f),
    /** ResNet-20 (He et al., CVPR 2016, §4.2); the same untuned recipe as {@link #VGG_SMALL}. */
    RESNET20(30, 5e-4f);

    private final int defaultEpochs;
    private final float weightDecay;

    ZooModel(int defaultEpochs, float weightDecay) {
        this.defaultEpochs = defaultEpochs;
        this.weightDecay = weightDecay;
    }

    /** The CLI name. */
    public String id() {
        return EnumWords.word(this); // mlp, lenet5, vgg-small, resnet20
    }

    /** Whether the model is made for colour (CIFAR-10) images and so needs them. */
    public boolean needsColour() {
        return this == VGG_SMALL || this == RESNET20;
    }

    /** Epochs of the documented recipe. */
    public int defaultEpochs() {
        return defaultEpochs;
    }

    /** An initialised model for images of {@code shape} and {@code classes} classes. */
    public Sequential create(ImageShape shape, int classes, long seed) {
        return switch (this) {
            case MLP -> Mlp.create(new int[] {shape.channels() * shape.rows() * shape.cols(), 256, 128, classes}, seed);
            case MLP_256 -> Mlp.create(new int[] {shape.channels() * shape.rows() * shape.cols(), 256, classes}, seed);
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
            throw new InvalidInputException("network " + id() + " needs square images of at least 8x8, the data set has "
                    + s.rows() + "x" + s.cols());
        }
        return s.rows();
    }

    /** The recipe's hyper-parameters for {@code epochs} epochs. */
    public TrainConfig config(int epochs, long seed) {
        return new TrainConfig(epochs, 64, 0.05f, 0.9f, weightDecay, seed);
    }

    /** The recipe's optimizer: SGD with the config's momentum and weight decay. */
    public Optimizer optimizer(TrainConfig config) {
        return new Sgd(config.momentum(), config.weightDecay());
    }

    /** The recipe's learning-rate schedule: constant for {@link #MLP_256} (the demo's), cosine for the others. */
    public LrSchedule schedule() {
        return this == MLP_256 ? LrSchedule.constant() : LrSchedule.cosine();
    }

    /** The name of {@link #schedule()}, as {@code train --schedule} spells it. */
    public String scheduleName() {
        return this == MLP_256 ? "constant" : "cosine";
    }

    /** The zoo network with these hidden layers, the one the demo's {@code --hidden} names, if there is one. */
    public static java.util.Optional<ZooModel> mlpWithHidden(int[] hidden) {
        return Arrays.equals(hidden, new int[] {256}) ? java.util.Optional.of(MLP_256)
                : Arrays.equals(hidden, new int[] {256, 128}) ? java.util.Optional.of(MLP) : java.util.Optional.empty();
    }

    /** The names, for messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(ZooModel::id).toList();
    }

    /**
     * The model called {@code name} (case-insensitive, {@code _} read as {@code -}; {@code vgg},
     * {@code vggsmall} and {@code resnet-20} also accepted); InvalidInputException listing the names otherwise.
     */
    public static ZooModel parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("vgg") || n.equals("vggsmall")) {
            return VGG_SMALL;
        }
        if (n.equals("resnet-20")) {
            return RESNET20;
        }
        for (ZooModel m : values()) {
            if (m.id().equals(n)) {
                return m;
            }
        }
        throw new InvalidInputException("unknown network '" + name + "'; expected one of " + names());
    }

    @Override
    public String toString() {
        return id();
    }
}
