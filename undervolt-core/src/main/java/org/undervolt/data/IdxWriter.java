package org.undervolt.data;

import org.undervolt.io.AtomicFiles;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an {@link ImageDataset} as an IDX image file and an IDX label file (see {@link IdxHeader}),
 * plain or gzip-compressed.
 *
 * <p>Each file is written all or nothing ({@link AtomicFiles}), so a failure never leaves a half-written
 * file under the target name.
 */
public final class IdxWriter {
    private IdxWriter() {
    }

    /** Writes the images of {@code d} to {@code images} and its labels to {@code labels}. */
    public static void write(ImageDataset d, Path images, Path labels, boolean gzip) {
        ByteBuffer ih = ByteBuffer.allocate(16)
                .putInt(IdxHeader.IMAGES_MAGIC).putInt(d.size()).putInt(d.rows()).putInt(d.cols());
        writeAtomically(images, ih.array(), d.pixels(), gzip);
        ByteBuffer lh = ByteBuffer.allocate(8).putInt(IdxHeader.LABELS_MAGIC).putInt(d.size());
        writeAtomically(labels, lh.array(), d.labels(), gzip);
    }

    private static void writeAtomically(Path target, byte[] header, byte[] data, boolean gzip) {
        AtomicFiles.write(target, out -> {
            if (gzip) {
                GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16);
                z.write(header);
                z.write(data);
                z.finish();
            } else {
                out.write(header);
                out.write(data);
            }
        });
    }
}
