package org.undervolt.experiment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;

/**
 * A network of a sweep, carried as its checkpoint bytes ({@link Checkpoint} format) rather than as a
 * live object, so that a sweep can be shipped to another JVM (a Spark executor) and rebuilt there.
 *
 * @param name       the name results are reported under
 * @param checkpoint the checkpoint file's bytes
 */
public record SweepNetwork(String name, byte[] checkpoint) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SweepNetwork {
        if (name == null || name.isBlank() || name.contains(";") || name.contains("=")) {
            throw new IllegalArgumentException("a network name must be non-empty, without ';' or '=': " + name);
        }
        checkpoint = checkpoint.clone();
    }

    @Override
    public byte[] checkpoint() {
        return checkpoint.clone();
    }

    /** Decodes a fresh model from the bytes. */
    public Sequential load() {
        try {
            return Checkpoint.read(new ByteArrayInputStream(checkpoint), "network " + name).model();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the checkpoint bytes, hex: what identifies the network in a stored configuration. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(checkpoint));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        return "SweepNetwork[" + name + ", " + checkpoint.length + " bytes]";
    }
}
