package org.undervolt.data;

import java.nio.file.Path;

/**
 * Where a command's data comes from: a built-in data set, or a folder of the user's own IDX files.
 *
 * <p>Built from the CLI options {@code --dataset NAME} and {@code --data-dir DIR}: with a folder the
 * IDX files in it are read (the data set name then only labels them and sets the number of classes);
 * without one the built-in, md5-verified files are used. Loading happens on {@link #train()} /
 * {@link #test()}, so a command that needs only the test set never parses the training set.
 *
 * @param dataset the named data set
 * @param dataDir the user's folder, or {@code null} for the built-in files
 */
public record DataSource(BuiltinDataset dataset, Path dataDir) {

    public DataSource {
        java.util.Objects.requireNonNull(dataset, "dataset");
    }

    /** From the option values; {@code datasetName} null means {@code mnist}, {@code dataDir} may be null. */
    public static DataSource of(String datasetName, Path dataDir) {
        return new DataSource(datasetName == null ? BuiltinDataset.MNIST : BuiltinDataset.parse(datasetName), dataDir);
    }

    /** True when the files are the built-in ones. */
    public boolean builtin() {
        return dataDir == null;
    }

    /** The training set. */
    public ImageDataset train() {
        return load(Split.TRAIN);
    }

    /** The test set. */
    public ImageDataset test() {
        return load(Split.TEST);
    }

    /** One split. */
    public ImageDataset load(Split split) {
        return builtin() ? Datasets.load(dataset, split) : Datasets.load(dataDir, split, dataset.numClasses());
    }

    /** For messages: {@code "mnist (built-in)"} or {@code "DIR (IDX files)"}. */
    public String describe() {
        return builtin() ? dataset.id() + " (built-in)" : dataDir + " (IDX files)";
    }
}
