package org.undervolt.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.undervolt.InvalidInputException;
import org.undervolt.io.Sha256;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;

/**
 * Trained networks kept between runs, keyed by everything that determines the training result
 * (data set, architecture, training configuration, seed, checkpoint format version). A damaged entry
 * is ignored and replaced, never trusted.
 */
public final class ModelCache {
    private final Path dir;

    public ModelCache(Path dir) {
        this.dir = dir;
    }

    /** {@code $UNDERVOLT_CACHE}, else {@code $XDG_CACHE_HOME/undervolt}, else {@code ~/.cache/undervolt}. */
    public static Path defaultDirectory() {
        String env = System.getenv("UNDERVOLT_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("undervolt");
    }

    /** A stable file-name key for a description of the training job. */
    public static String key(String description) {
        // the first 16 bytes of the digest
        return Sha256.hex((description + "|checkpoint-v" + Checkpoint.VERSION).getBytes(StandardCharsets.UTF_8))
                .substring(0, 32);
    }

    public Path fileFor(String key) {
        return dir.resolve("models").resolve(key + ".uvnn");
    }

    /** The cached model for {@code key}, if there is a valid one. */
    public Optional<Sequential> get(String key) {
        Path f = fileFor(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Checkpoint.load(f).model());
        } catch (InvalidInputException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    public void put(String key, Sequential model, Map<String, String> metadata) {
        Path f = fileFor(key);
        try {
            Files.createDirectories(f.getParent());
            Checkpoint.save(model, metadata, f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model cache " + f + ": " + e.getMessage(), e);
        }
    }
}
