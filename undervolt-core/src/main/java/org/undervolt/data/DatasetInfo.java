package org.undervolt.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.io.Json;

/**
 * A summary of a data source for {@code undervolt data info}: per split the count, image size,
 * class counts, and for every file its md5 and whether it is a published file.
 *
 * @param dataset the data set name
 * @param source  {@code "built-in"} (with the artifact) or the user's folder
 * @param splits  train, then test
 */
public record DatasetInfo(String dataset, String source, List<SplitInfo> splits) {

    /**
     * One split.
     *
     * @param split       {@code train} or {@code test}
     * @param count       number of images
     * @param channels    channels per image (1 for IDX, 3 for CIFAR-10)
     * @param rows        image height
     * @param cols        image width
     * @param numClasses  number of classes
     * @param classCounts images per class
     * @param files       the image file, then the label file
     */
    public record SplitInfo(String split, int count, int channels, int rows, int cols, int numClasses, int[] classCounts,
            List<FileCheck> files) {
    }

    /**
     * One file's checksum.
     *
     * @param file   the file (a path, or the built-in resource name)
     * @param md5    its md5
     * @param status {@code verified} (built-in, equal to the published md5), {@code published …} (a user's file
     *               equal to a published file, named), or {@code unknown}
     */
    public record FileCheck(String file, String md5, String status) {
    }

    /**
     * Loads both splits of {@code src} (verifying built-in checksums) and summarises them. A folder
     * without MNIST IDX files but with the CIFAR-10 binary files is summarised as CIFAR-10.
     */
    public static DatasetInfo of(DataSource src) {
        if (!src.builtin() && CifarBinaryReader.present(src.dataDir()) && !IdxFiles.present(src.dataDir())) {
            return ofCifar10(src.dataDir());
        }
        List<SplitInfo> splits = new ArrayList<>();
        for (Split s : Split.values()) {
            ImageDataset d = src.load(s);
            List<FileCheck> files = new ArrayList<>();
            if (src.builtin()) {
                for (boolean labels : new boolean[] {false, true}) {
                    // load() has already checked the bytes against this md5
                    files.add(new FileCheck(src.dataset().resource(s, labels), src.dataset().gzMd5(s, labels),
                            "verified"));
                }
            } else {
                IdxFiles f = IdxFiles.find(src.dataDir(), s);
                for (Path p : List.of(f.images(), f.labels())) {
                    String md5 = Checksums.md5(IdxReader.readFile(p));
                    files.add(new FileCheck(p.toString(), md5, publishedAs(md5)));
                }
            }
            splits.add(new SplitInfo(s.id(), d.size(), 1, d.rows(), d.cols(), d.numClasses(),
                    classCounts(d.labels(), d.numClasses()), files));
        }
        String source = src.builtin() ? "built-in (" + BuiltinDataset.SOURCE_ARTIFACT + ")" : src.dataDir().toString();
        return new DatasetInfo(src.dataset().id(), source, splits);
    }

    /** The CIFAR-10 binary files in {@code dir} (see {@link CifarBinaryReader}), summarised. */
    public static DatasetInfo ofCifar10(Path dir) {
        List<SplitInfo> splits = new ArrayList<>();
        for (Split s : Split.values()) {
            ColorImageDataset d = CifarBinaryReader.read(dir, s);
            List<FileCheck> files = new ArrayList<>();
            for (Path p : CifarBinaryReader.files(dir, s)) {
                files.add(new FileCheck(p.toString(), Checksums.md5(IdxReader.readFile(p)), "unknown"));
            }
            splits.add(new SplitInfo(s.id(), d.size(), d.channels(), d.rows(), d.cols(), d.numClasses(),
                    classCounts(d.labels(), d.numClasses()), files));
        }
        return new DatasetInfo("cifar10", dir.toString(), splits);
    }

    /** Images per class. */
    public static int[] classCounts(byte[] labels, int numClasses) {
        int[] c = new int[numClasses];
        for (byte b : labels) {
            c[b & 0xFF]++;
        }
        return c;
    }

    /** {@code "published mnist/t10k-images-idx3-ubyte.gz"} when {@code md5} is a published file's, else {@code "unknown"}. */
    public static String publishedAs(String md5) {
        for (BuiltinDataset d : BuiltinDataset.values()) {
            for (Split s : Split.values()) {
                for (boolean labels : new boolean[] {false, true}) {
                    String name = d.id() + "/" + (labels ? s.labelsFile() : s.imagesFile());
                    if (d.gzMd5(s, labels).equals(md5)) {
                        return "published " + name + ".gz";
                    }
                    if (d.rawMd5(s, labels).equals(md5)) {
                        return "published " + name;
                    }
                }
            }
        }
        return "unknown";
    }

    /** As nested maps with snake_case keys, for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("source", source);
        for (SplitInfo s : splits) {
            List<Map<String, Object>> files = s.files().stream()
                    .map(f -> Json.fields(new FileOut(f.file(), f.md5(), f.status()))).toList();
            Map<String, Object> sm = Json.fields(new SplitOut(s.count(), s.channels(), s.rows(), s.cols(), s.numClasses(),
                    s.classCounts(), files));
            m.put(s.split(), sm);
        }
        return m;
    }

    /** A split as JSON: its components are the keys, in order (snake_case). */
    private record SplitOut(int count, int channels, int rows, int cols, int numClasses, int[] classCounts,
            List<Map<String, Object>> files) {
    }

    /** A file check as JSON. */
    private record FileOut(String file, String md5, String checksum) {
    }
}
