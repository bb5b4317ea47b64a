package org.undervolt.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.undervolt.io.Sha256;

/**
 * How a model file enters the identity of a checkpoint of measurements ({@link PointStore}): by its content, not its
 * path, since the points depend on the model's bits only. A run folder moved or copied elsewhere, or a model given
 * at another path, then resumes from its checkpoint. Checkpoints written when the identity named the path are taken
 * over ({@link #byPath}).
 */
public final class ModelIdentity {
    private ModelIdentity() {
    }

    /** {@code sha256:<hex>} of the file's bytes. */
    public static String of(Path model) {
        try {
            return of(Files.readAllBytes(model));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + model + ": " + e.getMessage(), e);
        }
    }

    /** {@code sha256:<hex>} of a model file's bytes already read. */
    public static String of(byte[] modelBytes) {
        return "sha256:" + Sha256.hex(modelBytes);
    }

    /**
     * {@code identity} with each model's content name ({@link #of}) written as the path it was read from: the identity
     * an earlier build gave the same measurements.
     */
    public static String byPath(String identity, String[] contentNames, Path[] paths) {
        String out = identity;
        for (int i = 0; i < paths.length; i++) {
            out = out.replace(contentNames[i], paths[i].toString());
        }
        return out;
    }
}
