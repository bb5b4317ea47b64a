package org.undervolt.data;

import java.nio.file.Files;
import java.nio.file.Path;

import org.undervolt.InvalidInputException;

/**
 * The image and label files of one split in a user's data folder.
 *
 * <p>Looks for the MNIST names, {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each either plain or with
 * {@code .gz} (the plain file wins when both exist; the content, not the name, decides how it is read).
 * The variant with a dot before {@code idx} ({@code train-images.idx3-ubyte}), as some redistributions
 * name the files, is accepted too.
 *
 * @param images the image file
 * @param labels the label file
 */
public record IdxFiles(Path images, Path labels) {

    /** The files of {@code split} in {@code dir}. */
    public static IdxFiles find(Path dir, Split split) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory")
                    + ", expected a folder holding " + split.imagesFile() + "[.gz] and " + split.labelsFile() + "[.gz]");
        }
        return new IdxFiles(locate(dir, split.imagesFile()), locate(dir, split.labelsFile()));
    }

    /** True when {@code dir} holds the training or test image file, plain or gz. */
    public static boolean present(Path dir) {
        for (Split s : Split.values()) {
            String name = s.imagesFile();
            String dotted = name.replace("-idx", ".idx");
            for (String candidate : new String[] {name, name + ".gz", dotted, dotted + ".gz"}) {
                if (Files.isRegularFile(dir.resolve(candidate))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Path locate(Path dir, String name) {
        String dotted = name.replace("-idx", ".idx");
        for (String candidate : new String[] {name, name + ".gz", dotted, dotted + ".gz"}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new InvalidInputException(dir + ": no " + name + " or " + name + ".gz (nor " + dotted
                + "[.gz]); expected the MNIST IDX file names"
                + " train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte");
    }
}
