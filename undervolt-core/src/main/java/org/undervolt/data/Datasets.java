package org.undervolt.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where data sets come from: the built-in MNIST and Fashion-MNIST, a user's own IDX files, and a
 * user's own CIFAR-10 binary files.
 *
 * <p>The built-in gz files are read from the classpath ({@link BuiltinDataset#SOURCE_ARTIFACT}), their
 * md5 checked against the published value before parsing, and the parsed sets kept in memory for the
 * life of the JVM (softly, so memory pressure can drop them). Cached sets are shared: callers must not
 * modify their arrays ({@link ImageDataset#slice} makes a private copy).
 */
public final class Datasets {
    /** Classes in a user's IDX folder unless told otherwise (MNIST-style data). */
    public static final int DEFAULT_NUM_CLASSES = 10;

    private static final Map<String, SoftReference<ImageDataset>> CACHE = new ConcurrentHashMap<>();

    private Datasets() {
    }

    /** The built-in training set (60000 images for both). */
    public static ImageDataset train(BuiltinDataset d) {
        return load(d, Split.TRAIN);
    }

    /** The built-in test set (10000 images for both). */
    public static ImageDataset test(BuiltinDataset d) {
        return load(d, Split.TEST);
    }

    /** The training set from a folder of IDX files ({@link IdxFiles}), labels {@code 0..9}. */
    public static ImageDataset train(Path dataDir) {
        return load(dataDir, Split.TRAIN, DEFAULT_NUM_CLASSES);
    }

    /** The test set from a folder of IDX files ({@link IdxFiles}), labels {@code 0..9}. */
    public static ImageDataset test(Path dataDir) {
        return load(dataDir, Split.TEST, DEFAULT_NUM_CLASSES);
    }

    /** One split of a built-in data set, md5-verified, cached. */
    public static ImageDataset load(BuiltinDataset d, Split split) {
        String key = d.id() + "/" + split.id();
        SoftReference<ImageDataset> ref = CACHE.get(key);
        ImageDataset cached = ref == null ? null : ref.get();
        if (cached != null) {
            return cached;
        }
        synchronized (CACHE) {
            ref = CACHE.get(key);
            cached = ref == null ? null : ref.get();
            if (cached == null) {
                cached = parseBuiltin(d, split);
                CACHE.put(key, new SoftReference<>(cached));
            }
            return cached;
        }
    }

    /** One split from a folder of IDX files, with labels below {@code numClasses}. Not cached. */
    public static ImageDataset load(Path dataDir, Split split, int numClasses) {
        IdxFiles f = IdxFiles.find(dataDir, split);
        return IdxReader.readDataset(dataDir + "/" + split.id(), f.images(), f.labels(), numClasses);
    }

    /** One split of the CIFAR-10 binary version from {@code dataDir} ({@link CifarBinaryReader#read(Path, Split)}). */
    public static ColorImageDataset cifar10(Path dataDir, Split split) {
        return CifarBinaryReader.read(dataDir, split);
    }

    /** The bytes of a built-in gz file, md5-verified. */
    public static byte[] builtinFile(BuiltinDataset d, Split split, boolean labels) {
        String resource = d.resource(split, labels);
        byte[] bytes;
        try (InputStream in = Datasets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " not found: is "
                        + BuiltinDataset.SOURCE_ARTIFACT + " on the classpath?");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
        Checksums.verifyMd5(bytes, d.gzMd5(split, labels), builtinName(d, split, labels),
                "the copy of " + BuiltinDataset.SOURCE_ARTIFACT + " in the local Maven repository is damaged;"
                        + " delete it and rebuild");
        return bytes;
    }

    private static ImageDataset parseBuiltin(BuiltinDataset d, Split split) {
        IdxReader.Images images = IdxReader.readImages(builtinFile(d, split, false), builtinName(d, split, false));
        byte[] labels = IdxReader.readLabels(builtinFile(d, split, true), builtinName(d, split, true), d.numClasses());
        return IdxReader.pair(d.id() + "/" + split.id(), images, builtinName(d, split, false), labels,
                builtinName(d, split, true), d.numClasses());
    }

    private static String builtinName(BuiltinDataset d, Split split, boolean labels) {
        return "built-in " + d.id() + "/" + (labels ? split.labelsFile() : split.imagesFile()) + ".gz";
    }
}
