package org.undervolt.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.undervolt.EnumWords;
import org.undervolt.InvalidInputException;

/**
 * The data sets that ship with Undervolt: the original MNIST and Fashion-MNIST gzip IDX files, read
 * from the classpath jar {@code org.jetbrains.kotlinx:kotlin-deeplearning-api:0.1.1} (resources
 * {@code /datasets/mnist/} and {@code /datasets/fashionmnist/}).
 *
 * <p>The MD5 of every gz file is pinned, and the jar's files match them. The values are the published ones: for
 * MNIST (LeCun, Bottou, Bengio and Haffner, "Gradient-based learning applied to document recognition", Proc. IEEE
 * 86(11), 1998) the md5 list of the original files of yann.lecun.com/exdb/mnist, for Fashion-MNIST (Xiao, Rasul
 * and Vollgraf, "Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms",
 * arXiv:1708.07747, 2017) the md5 table in the README of github.com/zalandoresearch/fashion-mnist. The md5s of
 * the decompressed files (same sources) identify users' own uncompressed or recompressed copies in
 * {@code undervolt data info}; {@code BuiltinDatasetsTest} checks every one against the shipped files.
 */
public enum BuiltinDataset {
    MNIST("/datasets/mnist/",
            new String[] {"f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
                "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"},
            new String[] {"6bbc9ace898e44ae57da46a324031adb", "a25bea736e30d166cdddb491f175f624",
                "2646ac647ad5339dbf082846283269ea", "27ae3e4e09519cfbb04c329615203637"},
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    FASHION_MNIST("/datasets/fashionmnist/",
            new String[] {"8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
                "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"},
            new String[] {"f4a8712d7a061bf5bd6d2ca38dc4d50a", "9018921c3c673c538a1fc5bad174d6f9",
                "8181f5470baa50b63fa0f6fddb340f0a", "15d484375f8d13e6eb1aabb0c3f46965"},
            // class names from Zalando's fashion-mnist README ("Labels")
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"));

    /** The classpath artifact the files come from. */
    public static final String SOURCE_ARTIFACT = "org.jetbrains.kotlinx:kotlin-deeplearning-api:0.1.1";

    private final String resourceDir;
    /** md5 of train-images, train-labels, t10k-images, t10k-labels (.gz as published). */
    private final String[] gzMd5;
    /** md5 of the same four files after gunzip. */
    private final String[] rawMd5;
    private final List<String> classNames;

    BuiltinDataset(String resourceDir, String[] gzMd5, String[] rawMd5, List<String> classNames) {
        this.resourceDir = resourceDir;
        this.gzMd5 = gzMd5;
        this.rawMd5 = rawMd5;
        this.classNames = classNames;
    }

    /** The name used on the command line: {@code mnist} or {@code fashion-mnist}. */
    public String id() {
        return EnumWords.word(this);
    }

    /** Number of classes (10 for both). */
    public int numClasses() {
        return classNames.size();
    }

    /** Human-readable class names, index = label. */
    public List<String> classNames() {
        return classNames;
    }

    /** Classpath resource of the gz image or label file of {@code split}. */
    public String resource(Split split, boolean labels) {
        return resourceDir + (labels ? split.labelsFile() : split.imagesFile()) + ".gz";
    }

    /** Published md5 of the gz image or label file of {@code split}. */
    public String gzMd5(Split split, boolean labels) {
        return gzMd5[index(split, labels)];
    }

    /** md5 of the same file after gunzip. */
    public String rawMd5(Split split, boolean labels) {
        return rawMd5[index(split, labels)];
    }

    private static int index(Split split, boolean labels) {
        return 2 * split.ordinal() + (labels ? 1 : 0);
    }

    /** The data set named {@code name} (case-insensitive; {@code fashion_mnist} and {@code fashionmnist} also accepted). */
    public static BuiltinDataset parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (BuiltinDataset d : values()) {
            if (d.id().equals(n) || d.id().replace("-", "").equals(n)) {
                return d;
            }
        }
        throw new InvalidInputException("unknown dataset '" + name + "', expected one of: " + names());
    }

    /** The valid names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(BuiltinDataset::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id();
    }
}
