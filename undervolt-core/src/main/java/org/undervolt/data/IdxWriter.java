package org.undervolt.data;

import org.undervolt.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an {@link ImageDataset} as an IDX image file and an IDX label file (see {@link IdxHeader}),
 * plain or gzip-compressed.
 *
 * <p>Each file is written to a temporary file beside the target and then moved into place, so a
 * failure never leaves a half-written file under the target name.
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
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = AtomicFiles.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (OutputStream raw = Files.newOutputStream(tmp);
                    OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
                out.write(header);
                out.write(data);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }
}
