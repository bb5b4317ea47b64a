package org.undervolt.cli;

import org.undervolt.data.ImageDataset;

import picocli.CommandLine.Option;

/** {@code --test-images N}: the first M test images are evaluated, all by default ({@code eval}, {@code snn eval}, {@code snn train}). */
final class TestImagesOption {
    @Option(names = "--test-images", paramLabel = "M", description = "Evaluate on the first M test images (default: all).")
    Integer testImages;

    /** How many of {@code available} test images: all when not given, else M, checked to lie in 1..available. */
    int count(int available) {
        return OptionValues.count("--test-images", testImages, available);
    }

    /** The first M images of {@code test}; all of them when not given. */
    ImageDataset first(ImageDataset test) {
        return OptionValues.first("--test-images", testImages, test);
    }
}
