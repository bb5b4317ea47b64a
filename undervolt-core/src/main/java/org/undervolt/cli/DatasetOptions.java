package org.undervolt.cli;

import java.nio.file.Path;

import org.undervolt.InvalidInputException;
import org.undervolt.data.BuiltinDataset;
import org.undervolt.data.DataSource;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The data set options every command that reads images shares ({@code @Mixin DatasetOptions data;}):
 * {@code --dataset mnist|fashion-mnist} (default {@code mnist}) and {@code --data-dir DIR} for a
 * folder of the user's own IDX files.
 */
public final class DatasetOptions {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "mnist", converter = DatasetConverter.class,
            description = "Built-in data set: mnist or fashion-mnist (default: ${DEFAULT-VALUE}). "
                    + "With --data-dir it sets the number of classes of your files.")
    BuiltinDataset dataset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Read your own IDX files from DIR: train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                    + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each plain or .gz.")
    Path dataDir;

    /** The chosen data set. */
    public BuiltinDataset dataset() {
        return dataset == null ? BuiltinDataset.MNIST : dataset;
    }

    /** The user's folder, or {@code null} for the built-in files. */
    public Path dataDir() {
        return dataDir;
    }

    /** Where train and test come from. */
    public DataSource source() {
        return new DataSource(dataset(), dataDir);
    }

    /** Turns {@code --dataset} values into {@link BuiltinDataset}, with the list of valid names on error. */
    static final class DatasetConverter implements CommandLine.ITypeConverter<BuiltinDataset> {
        @Override
        public BuiltinDataset convert(String value) {
            try {
                return BuiltinDataset.parse(value);
            } catch (InvalidInputException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
