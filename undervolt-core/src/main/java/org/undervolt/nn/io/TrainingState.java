package org.undervolt.nn.io;

import org.undervolt.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.model.Sequential;

/**
 * A resumable training checkpoint: the model after {@code epoch} finished epochs, the optimizer's
 * state arrays and step count, and a fingerprint of the run's configuration.
 *
 * <h2>Format, version 1</h2>
 * Big-endian, as {@link Checkpoint}:
 * <pre>
 *   u8[4]  magic "UVTS" (0x55 0x56 0x54 0x53)
 *   u32    format version (1)
 *   string run fingerprint (model, data, hyper-parameters, seed: resuming needs an exact match)
 *   u32    finished epochs E;  u64 optimizer steps;  E × f64 mean training loss of each epoch
 *   u32    n; n bytes: the model as a {@link Checkpoint} (its own magic, version and CRC)
 *   u32    number of optimizer arrays A; A × (u32 length m, m × f32)
 *   u32    CRC-32 of every preceding byte
 * </pre>
 */
public final class TrainingState {
    /** "UVTS". */
    public static final int MAGIC = 0x55565453;
    public static final int VERSION = 1;

    private TrainingState() {
    }

    /** What a state file holds. */
    public record Snapshot(String fingerprint, int epoch, long steps, List<Double> epochLosses, Sequential model,
                           List<float[]> optimizerState) {
    }

    /** Writes the state after {@code epochLosses.size()} finished epochs atomically to {@code file} (temporary sibling, then a move). */
    public static void save(Path file, String fingerprint, List<Double> epochLosses, long steps, Sequential model,
                            List<float[]> optimizerState) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(buf);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeUTF(fingerprint);
        d.writeInt(epochLosses.size());
        d.writeLong(steps);
        for (double l : epochLosses) {
            d.writeDouble(l);
        }
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        Checkpoint.write(model, Map.of(), m);
        d.writeInt(m.size());
        m.writeTo(d);
        d.writeInt(optimizerState.size());
        for (float[] a : optimizerState) {
            d.writeInt(a.length);
            for (float v : a) {
                d.writeFloat(v);
            }
        }
        CrcTrailer.append(buf, d);
        AtomicFiles.writeOrThrow(file, buf::writeTo);
    }

    /** Reads a state file; InvalidInputException (naming the file) if it is not a valid one. */
    public static Snapshot load(Path file) throws IOException {
        byte[] all;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            all = in.readAllBytes();
        }
        String src = file.toString();
        if (all.length < 12) {
            throw new InvalidInputException(src + ": too short for a training state (" + all.length + " bytes)");
        }
        DataInputStream d = new DataInputStream(new ByteArrayInputStream(all));
        try {
            if (d.readInt() != MAGIC) {
                throw new InvalidInputException(src + ": not an Undervolt training state (magic \"UVTS\" expected)");
            }
            int version = d.readInt();
            if (version < 1 || version > VERSION) {
                throw new InvalidInputException(src + ": training state version " + version + " not supported, expected 1.." + VERSION);
            }
            if (CrcTrailer.stored(all) != CrcTrailer.computed(all)) {
                throw new InvalidInputException(src + ": CRC-32 mismatch: training state is corrupt or truncated");
            }
            String fingerprint = d.readUTF();
            int epoch = d.readInt();
            long steps = d.readLong();
            if (epoch < 0 || epoch > 1 << 20) {
                throw new InvalidInputException(src + ": implausible epoch count " + epoch);
            }
            List<Double> losses = new java.util.ArrayList<>(epoch);
            for (int i = 0; i < epoch; i++) {
                losses.add(d.readDouble());
            }
            int n = d.readInt();
            if (n < 0 || n > all.length) {
                throw new InvalidInputException(src + ": implausible model length " + n);
            }
            byte[] model = new byte[n];
            d.readFully(model);
            Sequential m = Checkpoint.read(new ByteArrayInputStream(model), src).model();
            int arrays = d.readInt();
            if (arrays < 0 || arrays > 1 << 20) {
                throw new InvalidInputException(src + ": implausible number of optimizer arrays " + arrays);
            }
            List<float[]> state = new java.util.ArrayList<>(arrays);
            for (int i = 0; i < arrays; i++) {
                int len = d.readInt();
                if (len < 0 || len > all.length / 4) {
                    throw new InvalidInputException(src + ": implausible optimizer array length " + len);
                }
                float[] a = new float[len];
                for (int j = 0; j < len; j++) {
                    a[j] = d.readFloat();
                }
                state.add(a);
            }
            return new Snapshot(fingerprint, epoch, steps, losses, m, state);
        } catch (EOFException e) {
            throw new InvalidInputException(src + ": truncated training state");
        } catch (java.io.UTFDataFormatException e) {
            // Found by DamagedInputsTest (trainingStateBody): a damaged run fingerprint escaped as an I/O error.
            throw new InvalidInputException(src + ": malformed run fingerprint string in training state");
        }
    }
}
