package org.undervolt.cli;

import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.data.DataSource;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.train.LrSchedule;
import org.undervolt.nn.train.Sgd;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Throughput;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.ImageShape;
import org.undervolt.nn.zoo.ZooModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt nn-bench}: one training epoch and inference throughput of a zoo model, with the
 * settings of the PyTorch side of {@code scripts/bench/lenet-vs-pytorch.sh} (SGD lr 0.05, momentum
 * 0.9, batch 64, constant learning rate; inference in batches of 256).
 */
@Command(name = "nn-bench", mixinStandardHelpOptions = true, defaultValueProvider = NnBenchCommand.Defaults.class,
        description = "Time one training epoch and inference images/s of a DNN (for side-by-side comparisons).",
        footer = {"", "Examples:",
                "  undervolt nn-bench",
                "  undervolt nn-bench --network mlp --train-images 6000 --threads 2 --json"})
public final class NnBenchCommand implements Callable<Integer> {

    @Mixin NetworkOption networkOption = new NetworkOption();

    /** The network --network names, parsed when the command runs. */
    private ZooModel network;

    @Mixin DatasetOptions data;

    @Option(names = "--train-images", paramLabel = "N", description = "Images in the timed epoch (default: the whole training set).")
    Integer trainImages;

    @Option(names = "--infer-batch", defaultValue = "256", paramLabel = "B", description = "Inference batch (default: ${DEFAULT-VALUE}).")
    int inferBatch;

    @Mixin RepeatsOption repeats = new RepeatsOption();

    @Mixin SeedOption seedOption = new SeedOption();
    @Mixin ThreadsOption threadsOption = new ThreadsOption();
    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() {
        network = networkOption.zoo();
        if (network.needsColour()) { // the timed data are IDX (greyscale) sets
            throw new InvalidInputException("--network " + network.id() + ": nn-bench times the MNIST networks (mlp, mlp-256, lenet5) only");
        }
        OptionValues.range("--infer-batch", inferBatch, 1, Integer.MAX_VALUE);
        int passes = repeats.value();
        int threadCount = NnOptions.threads(threadsOption.threads);
        DataSource source = data.source();
        ImageDataset train = OptionValues.first("--train-images", trainImages, source.train());
        ImageDataset test = source.test();
        ImageShape shape = new ImageShape(1, train.rows(), train.cols());
        int classes = train.numClasses();
        network.create(shape, classes, seedOption.seed); // checks the shape before any timing
        Trainer trainer = new Trainer(new TrainConfig(1, 64, 0.05f, 0.9f, 0f, seedOption.seed),
                new Sgd(0.9f, 0f), LrSchedule.constant());
        Throughput.Result r = Throughput.measure(s -> network.create(shape, classes, s), trainer, train, test,
                inferBatch, passes, seedOption.seed);
        Measured out = new Measured("undervolt", network.id(), threadCount, r.trainImages(), r.epochSeconds(),
                r.trainImagesPerSecond(), r.inferBatch(), r.inferImagesPerSecond(), r.testAccuracy(),
                "in process: the epoch and the inference pass inside this JVM (no JVM start or data loading)",
                r.int8ImagesPerSecond(), r.int8Accuracy());
        jsonOption.print(out, o -> {
            o.printf("%s, %d threads, in process: epoch %.2f s (%.0f img/s), inference %.0f img/s (batch %d), accuracy %.4f;"
                    + " INT8 datapath %.0f img/s, accuracy %.4f%n",
                    network.id(), threadCount, r.epochSeconds(), r.trainImagesPerSecond(), r.inferImagesPerSecond(),
                    r.inferBatch(), r.testAccuracy(), r.int8ImagesPerSecond(), r.int8Accuracy());
        });
        return 0;
    }

    /**
     * What {@code --json} prints: its components are the keys in order (snake_case), as the peer scripts print theirs.
     *
     * @param framework {@code undervolt} (a peer script names its own)
     * @param model     the network
     */
    record Measured(String framework, String model, int threads, int trainImages, double epochSeconds,
            double trainImagesPerSecond, int inferBatch, double inferImagesPerSecond, double testAccuracy, String timing,
            double int8ImagesPerSecond, double int8Accuracy) {
    }

    /** Five timed inference passes. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super("--repeats", "5");
        }
    }
}
