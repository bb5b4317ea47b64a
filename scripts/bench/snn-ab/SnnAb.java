import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two builds of the SNN simulator in one JVM, one class loader each, alternating slices of the same images on
 * one thread, so that machine load and JIT state hit both alike; prints both builds' thread CPU time per image,
 * their ratio, and whether the digests of everything they computed are equal. Arguments: MODE (eval|train),
 * MODEL (eval: a .snn file; train: a neuron count), IMAGES, SLICE, WARM (eval: images per build run before
 * timing; train: images not timed), HARNESS_DIR, OLD_CLASSPATH, NEW_CLASSPATH.
 */
public final class SnnAb {
    private SnnAb() {
    }

    private static Method build(String harness, String classpath, String mode, String model) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of(harness).toUri().toURL());
        for (String p : classpath.split(":")) {
            if (!p.isEmpty()) {
                urls.add(Path.of(p).toUri().toURL());
            }
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Class<?> c = Class.forName("SnnSlices", true, loader);
        c.getMethod("init", String.class, String.class).invoke(null, mode, model);
        return c.getMethod("run", boolean.class, int.class, int.class);
    }

    public static void main(String[] a) throws Exception {
        String mode = a[0];
        int images = Integer.parseInt(a[2]);
        int slice = Integer.parseInt(a[3]);
        int warm = Integer.parseInt(a[4]);
        Method old = build(a[5], a[6], mode, a[1]);
        Method neu = build(a[5], a[7], mode, a[1]);
        boolean learn = mode.equals("train");
        if (!learn) {
            for (int i = 0; i < warm; i += slice) {
                old.invoke(null, false, i, i + slice);
                neu.invoke(null, false, i, i + slice);
            }
        }
        long cpuOld = 0;
        long cpuNew = 0;
        boolean equal = true;
        for (int from = 0, s = 0; from < images; from += slice, s++) {
            int to = Math.min(images, from + slice);
            // alternate which build goes first; learning keeps each build's own weights, slice after slice
            long[] o;
            long[] n;
            if (s % 2 == 0) {
                o = (long[]) old.invoke(null, learn, from, to);
                n = (long[]) neu.invoke(null, learn, from, to);
            } else {
                n = (long[]) neu.invoke(null, learn, from, to);
                o = (long[]) old.invoke(null, learn, from, to);
            }
            if (!learn || from >= warm) {
                cpuOld += o[0];
                cpuNew += n[0];
            }
            equal &= o[1] == n[1];
        }
        int timed = learn ? images - warm : images;
        System.out.printf("%s %s, %d images timed: old %.4f ms CPU/image, new %.4f ms CPU/image, new/old %.3f, digests %s%n",
                mode, Path.of(a[1]).getFileName(), timed, cpuOld / 1e6 / timed, cpuNew / 1e6 / timed,
                (double) cpuNew / cpuOld, equal ? "equal" : "DIFFER");
        if (!equal) {
            System.exit(1);
        }
    }
}
