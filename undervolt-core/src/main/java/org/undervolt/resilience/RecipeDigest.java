package org.undervolt.resilience;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.undervolt.data.ImageDataset;

/** The SHA-256 of a recipe's parts (bytes as they are, images by their pixels and labels, the rest as text): its key. */
final class RecipeDigest {
    private RecipeDigest() {
    }

    static String of(Object... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Object p : parts) {
                if (p instanceof byte[] b) {
                    add(md, b);
                } else if (p instanceof ImageDataset d) {
                    add(md, (d.rows() + "x" + d.cols() + "/" + d.numClasses()).getBytes(StandardCharsets.UTF_8));
                    add(md, d.pixels());
                    add(md, d.labels());
                } else {
                    add(md, String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length first, so that no two sequences of parts run together into the same bytes. */
    private static void add(MessageDigest md, byte[] b) {
        md.update(ByteBuffer.allocate(Long.BYTES).putLong(b.length).array());
        md.update(b);
    }
}
