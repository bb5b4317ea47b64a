package org.undervolt.experiment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

import org.undervolt.io.Sha256;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.resilience.ModelFileKind;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;

/**
 * A network of a sweep, carried as the bytes of its file rather than as a live object, so that a
 * sweep can be shipped to another JVM (a Spark executor) and rebuilt there. The file is either a DNN
 * checkpoint ({@link Checkpoint}, magic {@code UVNN}) or a labelled spiking network written by
 * {@code undervolt snn train} ({@link SnnModelFile}, magic {@code UVSNN\0}); its first bytes say which ({@link ModelFileKind}).
 *
 * @param name       the name results are reported under
 * @param checkpoint the file's bytes
 */
public record SweepNetwork(String name, byte[] checkpoint) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What the bytes hold. */
    public enum Kind {
        /** a feed-forward network ({@link Sequential}), evaluated as {@code undervolt tolerance} does */
        DNN,
        /** a Diehl and Cook spiking network ({@link SnnModel}), evaluated as {@code undervolt snn eval --ber} does */
        SNN;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SweepNetwork {
        if (name == null || name.isBlank() || name.contains(";") || name.contains("=")) {
            throw new IllegalArgumentException("a network name must be non-empty, without ';' or '=': " + name);
        }
        checkpoint = checkpoint.clone();
        if (ModelFileKind.of(checkpoint).isEmpty()) {
            throw new IllegalArgumentException("network '" + name + "': expected an Undervolt checkpoint (magic UVNN) "
                    + "or an SNN model from 'undervolt snn train' (magic UVSNN)");
        }
    }

    /** DNN or SNN, from the file's magic. */
    public Kind kind() {
        return ModelFileKind.of(checkpoint).orElseThrow() == ModelFileKind.SNN ? Kind.SNN : Kind.DNN;
    }

    @Override
    public byte[] checkpoint() {
        return checkpoint.clone();
    }

    /** Decodes a fresh DNN from the bytes. */
    public Sequential load() {
        if (kind() != Kind.DNN) {
            throw new IllegalStateException("network " + name + " is an SNN");
        }
        try {
            return Checkpoint.read(new ByteArrayInputStream(checkpoint), "network " + name).model();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a fresh SNN from the bytes; it must carry neuron labels. */
    public SnnModel loadSnn() {
        if (kind() != Kind.SNN) {
            throw new IllegalStateException("network " + name + " is a DNN");
        }
        SnnModel m;
        try {
            m = SnnModelFile.read(new ByteArrayInputStream(checkpoint), "network " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (m.labels() == null) {
            throw new org.undervolt.InvalidInputException("network " + name
                    + ": SNN model has no neuron labels (train it with 'undervolt snn train')");
        }
        return m;
    }

    /** SHA-256 of the checkpoint bytes, hex: what identifies the network in a stored configuration. */
    public String sha256() {
        return Sha256.hex(checkpoint);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepNetwork n && n.name.equals(name) && java.util.Arrays.equals(n.checkpoint, checkpoint);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + java.util.Arrays.hashCode(checkpoint);
    }

    @Override
    public String toString() {
        return "SweepNetwork[" + name + ", " + kind().label() + ", " + checkpoint.length + " bytes]";
    }
}
