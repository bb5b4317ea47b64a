package org.undervolt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.data.CifarBinaryReader;
import org.undervolt.data.DataSource;
import org.undervolt.data.ImageDataset;
import org.undervolt.experiment.PipelineData;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.onnx.OutputPaths;
import org.undervolt.nn.train.Adam;
import org.undervolt.nn.train.LrSchedule;
import org.undervolt.nn.train.Optimizer;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.train.TrainingResult;
import org.undervolt.nn.zoo.ImageShape;
import org.undervolt.nn.zoo.ZooModel;
import org.undervolt.io.Json;
import org.undervolt.io.ProgressLine;
import org.undervolt.usecase.TrainRequest;
import org.undervolt.usecase.TrainResult;
import org.undervolt.usecase.TrainUseCase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt train}: train a zoo DNN on an image set, report test accuracy, save the checkpoint. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a DNN with mini-batch SGD, report test accuracy and save a checkpoint.",
                "mlp, mlp-256 (the demo's network) and lenet5 train on MNIST (built in), Fashion-MNIST or your IDX files.",
                "vgg-small and resnet20 train on CIFAR-10, which is not bundled: give",
                "--data-dir DIR holding its binary version (data_batch_1.bin ..",
                "data_batch_5.bin, test_batch.bin, or the folder cifar-10-batches-bin/).",
                "A --data-dir holding CIFAR-10 files is read as CIFAR-10 for any model.",
                "Progress (epochs, with the time left) goes to stderr on a terminal."},
        footer = {"", "Examples:",
                "  undervolt train --network lenet5 --dataset mnist --epochs 8 --seed 1 --out lenet5.uvnn --json",
                "  undervolt train --network mlp --dataset fashion-mnist --out mlp-fashion.uvnn",
                "  undervolt train --network mlp-256 --out demo-mlp.uvnn",
                "  undervolt train --network vgg-small --data-dir cifar-10-batches-bin --epochs 30 --out vgg.uvnn",
                "  undervolt train --network resnet20 --data-dir cifar-10-batches-bin --out resnet20.uvnn --progress",
                "",
                "Exit codes: 0 success; 1 internal failure; 2 bad input (one line on",
                "stderr, e.g. no CIFAR-10 files; no checkpoint written)."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin NetworkOption networkOption = new NetworkOption();

    /** The network --network names, parsed when the command runs. */
    private ZooModel network;

    @Mixin DatasetOptions data;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: the network's recipe: mlp 4, mlp-256 8, lenet5 8, vgg-small and resnet20 30).")
    Integer epochs;

    @Mixin SeedOption seedOption = new SeedOption();
    @Mixin OutFileOption output = new OutFileOption();

    @Option(names = "--batch-size", paramLabel = "B", description = "Images per step (default: 64).")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "X", description = "Base learning rate (default: 0.05 for SGD, 0.001 for Adam).")
    Float lr;

    @Option(names = "--momentum", paramLabel = "X", description = "SGD momentum (default: 0.9).")
    Float momentum;

    @Option(names = "--weight-decay", paramLabel = "X", description = "L2 weight decay (default: the model's recipe).")
    Float weightDecay;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "NAME",
            description = "sgd or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "Learning-rate schedule: cosine or constant (default: the network's recipe, constant for "
                    + "mlp-256 as the demo trains it, cosine for the others).")
    String schedule;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Resumable training state, rewritten after every epoch (default: FILE.state next to --out). "
                    + "If it exists, training continues after its last finished epoch.")
    Path state;

    @Mixin ThreadsOption threadsOption = new ThreadsOption();
    @Mixin JsonOption jsonOption = new JsonOption();

    /** Not an option of train: caught so that {@code train --model mlp} is told about --network, not --momentum. */
    @Option(names = "--model", hidden = true, paramLabel = "FILE")
    String model;
    @Mixin ProgressOptions progressOptions = new ProgressOptions();

    @Override
    public Integer call() throws IOException {
        if (model != null) {
            throw new InvalidInputException("--model " + model + ": train builds a network by name: give --network "
                    + (ZooModel.names().contains(model) ? model : "NAME (" + String.join(", ", ZooModel.names()) + ")")
                    + "; --model names a model file, as eval, map and tolerance read it");
        }
        network = networkOption.zoo();
        Path out = output.file();
        int n = epochs != null ? epochs : network.defaultEpochs();
        if (n < 1 || n > 10_000) {
            throw new InvalidInputException("--epochs " + n + ": expected 1..10000");
        }
        String opt = optimizer.toLowerCase(Locale.ROOT);
        if (!opt.equals("sgd") && !opt.equals("adam")) {
            throw new InvalidInputException("--optimizer " + optimizer + ": expected sgd or adam");
        }
        if (schedule == null) {
            schedule = network.scheduleName();
        }
        LrSchedule sched = switch (schedule.toLowerCase(Locale.ROOT)) {
            case "cosine" -> LrSchedule.cosine();
            case "constant" -> LrSchedule.constant();
            default -> throw new InvalidInputException("--schedule " + schedule + ": expected cosine or constant");
        };
        if (lr != null && !(lr > 0 && lr < Float.POSITIVE_INFINITY)) {
            throw new InvalidInputException("--lr " + lr + ": expected a positive learning rate");
        }
        if (batchSize != null) {
            OptionValues.range("--batch-size", batchSize, 1, Integer.MAX_VALUE);
        }
        if (momentum != null && !(momentum >= 0 && momentum < 1)) {
            throw new InvalidInputException("--momentum " + momentum + ": expected a momentum in [0, 1)");
        }
        if (weightDecay != null && !(weightDecay >= 0 && weightDecay < Float.POSITIVE_INFINITY)) {
            throw new InvalidInputException("--weight-decay " + weightDecay + ": expected a weight decay >= 0");
        }
        TrainConfig recipe = network.config(n, seedOption.seed);
        TrainConfig config;
        try {
            config = new TrainConfig(n, batchSize != null ? batchSize : recipe.batchSize(),
                    lr != null ? lr : opt.equals("adam") ? 1e-3f : recipe.learningRate(),
                    momentum != null ? momentum : recipe.momentum(),
                    weightDecay != null ? weightDecay : recipe.weightDecay(), seedOption.seed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("training options: " + e.getMessage());
        }
        int threadCount = NnOptions.threads(threadsOption.threads);
        PipelineData images = images();
        ImageDataset train = images.train();
        ImageDataset test = images.test();
        Sequential net = network.create(images.shape(), train.numClasses(), seedOption.seed);
        Optimizer optim = opt.equals("adam") ? new Adam(config.weightDecay()) : network.optimizer(config);

        PrintWriter err = jsonOption.err();
        boolean show = progressOptions.show(jsonOption.json);
        ProgressLine bar = new ProgressLine("epochs", n);
        Path statePath = state != null ? state : out.resolveSibling(out.getFileName() + ".state");
        if (state != null) {
            OutputPaths.requireWritableFile(state, "--state");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("model", network.id());
        meta.put("dataset", train.name());
        meta.put("epochs", Integer.toString(n));
        meta.put("seed", Long.toString(seedOption.seed));
        TrainResult trained = TrainUseCase.run(new TrainRequest(net, train, test, config, optim, sched,
                new Trainer.Resume(statePath, network.id() + "|" + opt + "|" + schedule.toLowerCase(Locale.ROOT)), out, meta),
                (e, resumed, loss, s) -> {
                    if (show) {
                        err.printf(Locale.ROOT, "%s  loss %.4f (epoch %.1f s)%n", bar.line(e, resumed, n), loss, s);
                        err.flush();
                    }
                });
        TrainingResult result = trained.training();
        double testAccuracy = trained.testAccuracy();
        double seconds = trained.seconds();

        Map<String, Object> r = Json.fields(new Trained(network.id(), train.name(), n, seedOption.seed, config.batchSize(),
                config.learningRate(), config.momentum(), config.weightDecay(), opt, schedule.toLowerCase(Locale.ROOT),
                threadCount, net.parameterCount(), testAccuracy, result.finalLoss(), result.epochLosses(),
                trained.epochSeconds(), result.seconds(), seconds, out.toString(), statePath.toString(),
                trained.resumedEpochs()));
        jsonOption.print(r, o -> o.printf("%s on %s: test accuracy %.4f after %d epochs (%.1f s, %d threads); wrote %s%n",
                network.id(), train.name(), testAccuracy, n, seconds, threadCount, out));
        return 0;
    }

    /**
     * The result: its components are the JSON keys, in order (snake_case); the recipe's floats stay floats. The
     * architecture is {@code network}, as the option that picks it ({@code model} is a model file, as in eval's JSON).
     */
    private record Trained(String network, String dataset, int epochs, long seed, int batchSize, float learningRate,
            float momentum, float weightDecay, String optimizer, String schedule, int threads, long parameters,
            double testAccuracy, double trainLoss, List<Double> epochLosses, List<Double> epochSeconds,
            double trainSeconds, double seconds, String out, String state, int resumedEpochs) {
    }

    /** The images: CIFAR-10 from a --data-dir holding it (required by the CIFAR-10 models), else IDX sets. */
    private PipelineData images() {
        Path dir = data.dataDir();
        if (network.needsColour() || (dir != null && CifarBinaryReader.present(dir))) {
            return PipelineData.cifar(dir, "--network " + network.id() + " --data-dir");
        }
        DataSource source = data.source();
        ImageDataset train = source.train();
        return new PipelineData(train, source.test(), new ImageShape(1, train.rows(), train.cols()));
    }
}
