package org.undervolt.experiment;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Locale;

import org.undervolt.InvalidInputException;
import org.undervolt.data.BuiltinDataset;
import org.undervolt.data.Datasets;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.Split;
import org.undervolt.data.SyntheticDatasets;

/**
 * Where a sweep's images come from, by name, so that every JVM of a cluster can load them itself:
 * <ul>
 *   <li>a built-in set ({@code mnist}, {@code fashion-mnist}): read from the jar on the classpath;</li>
 *   <li>{@code synthetic:N:RxC:K:SEED}: {@link SyntheticDatasets#separableBlobs} with 2N images of R×C
 *       pixels in K classes, the first N for training, the last N for testing (same prototypes);</li>
 *   <li>any other text: a folder of IDX files ({@link Datasets#load(Path, Split, int)}), which must
 *       be readable at the same path on every executor (a shared file system).</li>
 * </ul>
 *
 * @param spec the reference as written in the sweep spec
 */
public record DatasetRef(String spec) implements Serializable {
    private static final long serialVersionUID = 1L;

    public DatasetRef {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("dataset: expected mnist, fashion-mnist, synthetic:N:RxC:K:SEED or an IDX folder");
        }
        if (spec.startsWith("synthetic:")) {
            parseSynthetic(spec);
        }
    }

    /** One split of the data set. */
    public ImageDataset load(Split split) {
        if (spec.startsWith("synthetic:")) {
            int[] p = parseSynthetic(spec);
            long seed = Long.parseLong(spec.substring(spec.lastIndexOf(':') + 1));
            ImageDataset all = SyntheticDatasets.separableBlobs(2 * p[0], p[1], p[2], p[3], seed);
            return split == Split.TRAIN ? all.slice(0, p[0]) : all.slice(p[0], 2 * p[0]);
        }
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.equals("mnist") || lower.equals("fashion-mnist") || lower.equals("fashionmnist")) {
            return Datasets.load(BuiltinDataset.parse(lower), split);
        }
        return Datasets.load(Path.of(spec), split, Datasets.DEFAULT_NUM_CLASSES);
    }

    /** {N, R, C, K} of {@code synthetic:N:RxC:K:SEED}; bad input names the expected form. */
    private static int[] parseSynthetic(String spec) {
        String[] parts = spec.split(":");
        try {
            if (parts.length == 5) {
                String[] rc = parts[2].toLowerCase(Locale.ROOT).split("x");
                int n = Integer.parseInt(parts[1]);
                int r = Integer.parseInt(rc[0]);
                int c = Integer.parseInt(rc[1]);
                int k = Integer.parseInt(parts[3]);
                Long.parseLong(parts[4]);
                if (rc.length == 2 && n > 0 && n <= 1_000_000 && r > 0 && c > 0 && r * c <= 1 << 20 && k >= 2 && k <= 256) {
                    return new int[] {n, r, c, k};
                }
            }
        } catch (RuntimeException e) {
            // fall through to the one-line message
        }
        throw new InvalidInputException("dataset '" + spec + "': expected synthetic:N:RxC:K:SEED "
                + "(e.g. synthetic:200:8x8:4:7; N in 1..1000000, K in 2..256)");
    }
}
