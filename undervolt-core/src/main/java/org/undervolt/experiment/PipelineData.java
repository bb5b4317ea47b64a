package org.undervolt.experiment;

import java.nio.file.Path;
import java.util.Locale;

import org.undervolt.InvalidInputException;
import org.undervolt.data.BuiltinDataset;
import org.undervolt.data.CifarBinaryReader;
import org.undervolt.data.DataSource;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.Split;
import org.undervolt.nn.train.Batches;
import org.undervolt.nn.zoo.ImageShape;

/**
 * The images a DNN command or pipeline trains and tests on: the built-in MNIST or Fashion-MNIST, a
 * folder of the user's IDX files, or a folder of the user's CIFAR-10 binary files (none is bundled:
 * no package registry ships CIFAR-10). Colour images come as planes stacked per image
 * ({@link Batches#stackedPlanes}), with their {@link ImageShape} alongside.
 *
 * @param train training images
 * @param test  test images
 * @param shape the shape of one image
 */
public record PipelineData(ImageDataset train, ImageDataset test, ImageShape shape) {

    /** The name of the CIFAR-10 data set in configs and on the command line. */
    public static final String CIFAR10 = "cifar10";

    /** Whether {@code name} names CIFAR-10 ({@code cifar10}, {@code cifar-10}). */
    /** Bad input unless {@code name} is a data set {@link #load} knows: mnist, fashion-mnist or cifar10. */
    public static void checkName(String name) {
        if (!isCifar(name)) {
            try {
                BuiltinDataset.parse(name);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("unknown dataset '" + name + "'; expected mnist, fashion-mnist or "
                        + "cifar10 (with data_dir)");
            }
        }
    }

    public static boolean isCifar(String name) {
        return name != null && name.trim().toLowerCase(Locale.ROOT).replace("-", "").equals(CIFAR10);
    }

    /**
     * Loads {@code dataset} ({@code mnist}, {@code fashion-mnist} or {@code cifar10}) from the built-in
     * files or {@code dataDir} (null: built-in). {@code where} names the setting in messages.
     */
    public static PipelineData load(String dataset, Path dataDir, String where) {
        if (isCifar(dataset)) {
            return cifar(dataDir, where);
        }
        DataSource source = DataSource.of(dataset, dataDir);
        return grey(source.train(), source.test());
    }

    /** CIFAR-10 from {@code dir}; one line of bad input when there is no folder or no files. */
    public static PipelineData cifar(Path dir, String where) {
        if (dir == null) {
            throw new InvalidInputException(where + ": CIFAR-10 needs a folder of its binary files (data_batch_1.bin .. "
                    + "data_batch_5.bin, test_batch.bin, from www.cs.toronto.edu/~kriz/cifar.html); none is bundled");
        }
        var train = CifarBinaryReader.read(dir, Split.TRAIN);
        var test = CifarBinaryReader.read(dir, Split.TEST);
        return new PipelineData(Batches.stackedPlanes(train), Batches.stackedPlanes(test),
                new ImageShape(train.channels(), train.rows(), train.cols()));
    }

    static PipelineData grey(ImageDataset train, ImageDataset test) {
        return new PipelineData(train, test, new ImageShape(1, train.rows(), train.cols()));
    }
}
