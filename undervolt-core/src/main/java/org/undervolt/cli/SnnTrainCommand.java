package org.undervolt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.undervolt.io.Json;
import org.undervolt.InvalidInputException;
import org.undervolt.data.DataSource;
import org.undervolt.data.ImageDataset;
import org.undervolt.snn.SnnImages;
import org.undervolt.snn.SnnRuns;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt snn train}: unsupervised STDP training, labelling, test accuracy, model file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a Diehl & Cook network with STDP on the first K training images (K > 60000: "
                + "several epochs), label its neurons, report test accuracy and save it. Resumes from the "
                + "checkpoint file when one for the same neurons and seed exists.",
        footer = {"", "Examples:",
                "  undervolt snn train --neurons 100 --train-images 1000 --out n100.snn",
                "  undervolt snn train --neurons 400 --train-images 60000 --out n400.snn --test-images 10000"})
public final class SnnTrainCommand implements Callable<Integer> {

    @Mixin DatasetOptions data;

    @Option(names = "--neurons", required = true, paramLabel = "N", description = "Excitatory neurons (and as many inhibitory).")
    int neurons;

    @Option(names = "--train-images", paramLabel = "K", description = "Training images to present (required).")
    Long images;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The old name of {@code --train-images} (as in {@code train}, {@code nn-bench} and the {@code train_images} key). */
    @Option(names = "--images", hidden = true, paramLabel = "K")
    void oldImages(long k) {
        images = k;
        OldSpelling.note(spec, "--images", "--train-images");
    }

    @Mixin SeedOption seedOption = new SeedOption();
    @Mixin OutFileOption output = new OutFileOption();

    @Mixin TestImagesOption testImages = new TestImagesOption();

    @Option(names = "--label-images", paramLabel = "L",
            description = "Label the neurons on the first L training images (default: min(K, 10000)).")
    Integer labelImages;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Checkpoint file (default: FILE.ckpt next to --out).")
    Path checkpoint;

    @Option(names = "--checkpoint-every", defaultValue = "1000", paramLabel = "K",
            description = "Images between checkpoints (default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Mixin ThreadsOption threadsOption = new ThreadsOption();
    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() {
        Path out = output.file();
        if (neurons < 1 || neurons > 65536) {
            throw new InvalidInputException("--neurons " + neurons + ": expected 1..65536");
        }
        if (images == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--train-images=K'");
        }
        if (images < 1) {
            throw new InvalidInputException("--train-images " + images + ": expected a positive count");
        }
        if (checkpointEvery < 1) {
            throw new InvalidInputException("--checkpoint-every " + checkpointEvery + ": expected a positive count");
        }
        DataSource source = data.source();
        ImageDataset train = source.train();
        ImageDataset test = source.test();
        SnnImages.require(train);
        int m = testImages.count(test.size());
        int l = OptionValues.count("--label-images", labelImages == null ? (int) Math.min(Math.min(images, 10_000), train.size())
                : labelImages, train.size());
        Path cp = checkpoint != null ? checkpoint : out.resolveSibling(out.getFileName() + ".ckpt");
        PrintWriter err = jsonOption.err();
        long start = System.nanoTime();
        SnnRuns.TrainResult r = SnnRuns.train(neurons, images, seedOption.seed, train, test, l, m, out, cp, checkpointEvery,
                SnnCli.threads(threadsOption.threads), jsonOption.json ? null : (g, s, a) -> {
                    if (g % 1000 == 0) {
                        err.printf("trained %d/%d images (%.1f s)%n", g, images, (System.nanoTime() - start) / 1e9);
                        err.flush();
                    }
                });
        jsonOption.print(Json.fields(r), o -> {
            o.printf("accuracy %.4f on %d test images; %d neurons, %d training images (resumed from %d), %.1f s%n",
                    r.accuracy(), r.testImages(), r.neurons(), r.images(), r.resumedFrom(), r.seconds());
            o.printf("train %.1f s (%.2f ms CPU/image), label %.1f s on %d images, test %.1f s (%.2f ms CPU/image); model %s%n",
                    r.trainSeconds(), r.trainCpuMsPerImage(), r.labelSeconds(), r.labelImages(), r.testSeconds(),
                    r.testCpuMsPerImage(), out);
        });
        return 0;
    }
}
