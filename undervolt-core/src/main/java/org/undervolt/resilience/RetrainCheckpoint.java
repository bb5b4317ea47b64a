package org.undervolt.resilience;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.io.AtomicFiles;

/**
 * Everything a retraining run carries from one epoch to the next, in one file written atomically
 * after every epoch: a JSON state (epoch, schedule, history, configuration), the working model,
 * the model kept as the result, and the optimizer's momentum (as a model whose parameters hold it).
 *
 * <p>Layout: magic {@code UVRT}, version, four length-prefixed blobs (state JSON in UTF-8 and three
 * {@link Checkpoint} images), CRC-32 of everything before it.
 */
public final class RetrainCheckpoint {
    static final int MAGIC = 0x55565254;
    static final int VERSION = 1;

    /** The decoded parts. */
    public record Parts(String state, Sequential model, Sequential kept, Sequential velocity) {
    }

    private RetrainCheckpoint() {
    }

    public static void write(Path file, Parts parts) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(buf);
            d.writeInt(MAGIC);
            d.writeInt(VERSION);
            blob(d, parts.state().getBytes(StandardCharsets.UTF_8));
            blob(d, model(parts.model()));
            blob(d, model(parts.kept()));
            blob(d, model(parts.velocity()));
            d.flush();
            CRC32 crc = new CRC32();
            crc.update(buf.toByteArray());
            d.writeInt((int) crc.getValue());
            AtomicFiles.write(file, buf.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Parts read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (all.length < 12) {
            throw new InvalidInputException(file + ": too short for a retraining checkpoint");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 4);
        try {
            DataInputStream d = new DataInputStream(new ByteArrayInputStream(all));
            if (d.readInt() != MAGIC) {
                throw new InvalidInputException(file + ": not a retraining checkpoint (magic \"UVRT\" expected)");
            }
            int version = d.readInt();
            if (version != VERSION) {
                throw new InvalidInputException(file + ": retraining checkpoint version " + version + ", expected " + VERSION);
            }
            String state = new String(blob(d, all.length), StandardCharsets.UTF_8);
            Sequential m = Checkpoint.read(new ByteArrayInputStream(blob(d, all.length)), file + "#model").model();
            Sequential k = Checkpoint.read(new ByteArrayInputStream(blob(d, all.length)), file + "#kept").model();
            Sequential v = Checkpoint.read(new ByteArrayInputStream(blob(d, all.length)), file + "#velocity").model();
            if (d.readInt() != (int) crc.getValue()) {
                throw new InvalidInputException(file + ": CRC-32 mismatch, the checkpoint is corrupt");
            }
            return new Parts(state, m, k, v);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": truncated retraining checkpoint");
        }
    }

    private static void blob(DataOutputStream d, byte[] b) throws IOException {
        d.writeInt(b.length);
        d.write(b);
    }

    private static byte[] blob(DataInputStream d, int limit) throws IOException {
        int n = d.readInt();
        if (n < 0 || n > limit) {
            throw new IOException("bad length " + n);
        }
        return d.readNBytes(n);
    }

    private static byte[] model(Sequential m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Checkpoint.write(m, Map.of(), out);
        return out.toByteArray();
    }
}
