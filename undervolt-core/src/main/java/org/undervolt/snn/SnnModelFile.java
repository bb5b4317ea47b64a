package org.undervolt.snn;

import org.undervolt.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

import org.undervolt.InvalidInputException;

/**
 * The binary file of an {@link SnnModel}: a trained network, or a training checkpoint (the same
 * thing: {@code imagesTrained} says where training resumes).
 *
 * <p>Format version 1, all numbers big-endian:
 * <pre>
 *   bytes  "UVSNN\0"        magic (6 bytes)
 *   int    1                format version
 *   int    inputs           784
 *   int    neurons          N
 *   int    maxDelay         delay steps, 20
 *   long   seed             master seed (drives every random draw, training and inference)
 *   long   imagesTrained    training images presented so far (next image index), >= 0
 *   float  weights[inputs*N]   input-to-excitatory weights, row-major (input, neuron), IEEE 754
 *   double theta[N]            adaptive thresholds, mV
 *   byte   delays[inputs*N]    synaptic delays in 0.5 ms steps, row-major
 *   int    hasLabels        0 or 1
 *   int    labels[N]        if hasLabels: class per neuron, 0..9, or -1 unassigned
 *   int    crc32            CRC-32 of every preceding byte
 * </pre>
 * Writes are all or nothing ({@link AtomicFiles}: a temporary file in the same directory, moved over the
 * target), so a kill never leaves a half-written model or checkpoint.
 */
public final class SnnModelFile {
    static final byte[] MAGIC = {'U', 'V', 'S', 'N', 'N', 0};
    public static final int VERSION = 1;

    private SnnModelFile() {
    }

    /** Writes {@code model} to {@code path} atomically. */
    public static void write(SnnModel model, Path path) {
        AtomicFiles.write(path, out -> write(model, out));
    }

    /** Writes the format to a stream (not closed). */
    public static void write(SnnModel model, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(out, crc), 1 << 16));
        int n = model.neurons();
        d.write(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(DiehlCook.INPUTS);
        d.writeInt(n);
        d.writeInt(model.delays().maxDelay());
        d.writeLong(model.seed());
        d.writeLong(model.imagesTrained());
        float[] w = new float[DiehlCook.INPUTS * n];
        model.weights().readAll(w);
        for (float x : w) {
            d.writeFloat(x);
        }
        for (double t : model.theta()) {
            d.writeDouble(t);
        }
        d.write(model.delays().raw());
        int[] labels = model.labels();
        d.writeInt(labels == null ? 0 : 1);
        if (labels != null) {
            for (int l : labels) {
                d.writeInt(l);
            }
        }
        d.flush();
        d.writeInt((int) crc.getValue());
        d.flush();
    }

    /** Reads a model; a missing, truncated, corrupt or foreign file is an {@link InvalidInputException}. */
    public static SnnModel read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(path + ": no such file (expected an SNN model written by 'undervolt snn train')");
        } catch (IOException e) {
            throw new InvalidInputException(path + ": cannot read SNN model: " + e.getMessage(), e);
        }
    }

    /** Reads the format from a stream; {@code name} names it in error messages. */
    public static SnnModel read(InputStream raw, String name) throws IOException {
        byte[] all = raw.readAllBytes();
        DataInputStream d = new DataInputStream(new ByteArrayInputStream(all));
        try {
            byte[] magic = new byte[MAGIC.length];
            d.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw bad(name, "not an SNN model (magic 'UVSNN\\0' missing)");
            }
            int version = d.readInt();
            if (version != VERSION) {
                throw bad(name, "format version " + version + ", expected " + VERSION);
            }
            int inputs = d.readInt();
            int n = d.readInt();
            int maxDelay = d.readInt();
            if (inputs != DiehlCook.INPUTS || n < 1 || n > 1 << 20 || maxDelay != DiehlCook.MAX_DELAY_STEPS) {
                throw bad(name, "header inputs=" + inputs + " neurons=" + n + " maxDelay=" + maxDelay
                        + ", expected inputs=784, neurons 1..1048576, maxDelay=" + DiehlCook.MAX_DELAY_STEPS);
            }
            long seed = d.readLong();
            long images = d.readLong();
            if (images < 0) {
                throw bad(name, "imagesTrained " + images + ", expected a count of training images >= 0");
            }
            // weights, delays, thresholds, hasLabels and CRC must follow: check before allocating for them
            long needed = 5L * inputs * n + 8L * n + 8;
            if (d.available() < needed) {
                throw bad(name, "truncated: the header's " + n + " neurons need at least " + needed
                        + " more bytes, the file holds " + d.available());
            }
            float[] w = new float[inputs * n];
            for (int k = 0; k < w.length; k++) {
                w[k] = d.readFloat();
            }
            double[] theta = new double[n];
            for (int k = 0; k < n; k++) {
                theta[k] = d.readDouble();
            }
            byte[] delays = new byte[inputs * n];
            d.readFully(delays);
            for (byte b : delays) {
                if (b < 0 || b > maxDelay) {
                    throw bad(name, "delay " + b + " outside 0.." + maxDelay);
                }
            }
            int has = d.readInt();
            int[] labels = null;
            if (has == 1) {
                labels = new int[n];
                for (int k = 0; k < n; k++) {
                    labels[k] = d.readInt();
                    if (!NeuronLabels.legitimate(labels[k], DiehlCook.CLASSES)) {
                        throw bad(name, "neuron " + k + " has label " + labels[k] + ", expected "
                                + NeuronLabels.UNASSIGNED + " (unassigned) or a class 0.." + (DiehlCook.CLASSES - 1));
                    }
                }
            } else if (has != 0) {
                throw bad(name, "hasLabels=" + has + ", expected 0 or 1");
            }
            int consumed = all.length - d.available();
            int stored = d.readInt();
            CRC32 crc = new CRC32();
            crc.update(all, 0, consumed);
            int expected = (int) crc.getValue();
            if (stored != expected) {
                throw bad(name, "CRC-32 mismatch (file corrupt)");
            }
            if (d.read() != -1) {
                throw bad(name, "trailing bytes after the CRC");
            }
            return new SnnModel(n, seed, new FloatSynapseStore(inputs, n, w), theta,
                    new SynapticDelays(inputs, n, maxDelay, delays), labels, images);
        } catch (EOFException e) {
            throw bad(name, "truncated");
        }
    }

    private static InvalidInputException bad(String name, String what) {
        return new InvalidInputException(name + ": " + what + " (SNN model format v" + VERSION + ")");
    }
}
