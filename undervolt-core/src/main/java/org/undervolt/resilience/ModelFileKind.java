package org.undervolt.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.snn.SnnModelFile;

/**
 * What a model file holds, told by its first bytes (never by its name): a feed-forward network's checkpoint
 * ({@link Checkpoint}, magic {@code UVNN}) or a spiking network's model ({@link SnnModelFile}, magic
 * {@code UVSNN\0}). One {@code --model FILE} takes either where a command handles both.
 */
public enum ModelFileKind {
    /** A {@link Checkpoint} of {@code train} or {@code retrain}. */
    DNN(new byte[] {'U', 'V', 'N', 'N'}, "a network checkpoint (magic UVNN, of 'train' or 'retrain')"),
    /** An {@link SnnModelFile} of {@code snn train} or {@code retrain} of an SNN. */
    SNN(new byte[] {'U', 'V', 'S', 'N', 'N', 0}, "an SNN model (magic UVSNN, of 'snn train' or 'retrain')");

    private final byte[] magic;
    private final String what;

    ModelFileKind(byte[] magic, String what) {
        this.magic = magic;
        this.what = what;
    }

    /** The bytes every file of this kind starts with. */
    public byte[] magic() {
        return magic.clone();
    }

    /** What the kind is, for messages: {@code a network checkpoint (magic UVNN, of 'train' or 'retrain')}. */
    public String what() {
        return what;
    }

    /** {@code dnn} or {@code snn}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose magic {@code bytes} start with, if any. */
    public static Optional<ModelFileKind> of(byte[] bytes) {
        for (ModelFileKind k : values()) {
            if (bytes.length >= k.magic.length && Arrays.equals(bytes, 0, k.magic.length, k.magic, 0, k.magic.length)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The kind of {@code file}, from its first bytes; {@code option} (e.g. {@code --model}) names it in errors.
     *
     * @throws InvalidInputException when the file is missing, unreadable, or of neither kind
     */
    public static ModelFileKind of(Path file, String option) {
        byte[] head;
        try {
            head = head(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new InvalidInputException(option + " " + file + ": cannot read: " + e.getMessage(), e);
        }
        return of(head).orElseThrow(() -> new InvalidInputException(option + " " + file + ": neither " + DNN.what
                + " nor " + SNN.what));
    }

    /**
     * {@code file}, unless its first bytes say it is of this kind where the command takes the other: then one line
     * naming the file, what it is and {@code instead} (what to run for it). A file missing, unreadable or of neither
     * kind passes: its reader says what is wrong with it.
     *
     * @throws InvalidInputException when the file is of this kind
     */
    public Path refuse(Path file, String option, String instead) {
        byte[] head;
        try {
            head = head(file);
        } catch (IOException e) {
            return file;
        }
        if (of(head).orElse(null) == this) {
            throw new InvalidInputException(option + " " + file + ": " + what + "; " + instead);
        }
        return file;
    }

    /** The first bytes of {@code file}, as many as the longest magic. */
    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNN.magic.length);
        }
    }
}
