package org.undervolt.nn.scratch;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import org.undervolt.data.ImageDataset;

/** Throwaway IDX reader for local checks; not committed. */
public final class MnistScratch {
    public static ImageDataset load(String dir, boolean train) throws IOException {
        String p = train ? "train" : "t10k";
        byte[] px = read("/datasets/" + dir + "/" + p + "-images-idx3-ubyte.gz", 16);
        byte[] lb = read("/datasets/" + dir + "/" + p + "-labels-idx1-ubyte.gz", 8);
        return new ImageDataset(dir + "/" + p, 28, 28, px, lb, 10);
    }

    private static byte[] read(String res, int header) throws IOException {
        try (InputStream in = new GZIPInputStream(MnistScratch.class.getResourceAsStream(res))) {
            byte[] all = in.readAllBytes();
            byte[] out = new byte[all.length - header];
            System.arraycopy(all, header, out, 0, out.length);
            return out;
        }
    }
}
