package org.undervolt.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden JSON texts of result objects, kept under {@code src/test/resources/pins/}: a result's {@link Json#write}
 * text must equal its pin to the byte (keys, order, number formatting), so a refactoring of how the result is built
 * cannot change what users read. To write the pins anew (only when the output is meant to change), set the
 * environment variable {@code UNDERVOLT_WRITE_PINS} to a folder: the texts are written there and the check passes.
 */
public final class JsonPins {
    private JsonPins() {
    }

    /** Checks {@code Json.write(value)} against {@code pins/NAME.json}. */
    public static void assertPinned(String name, Object value) {
        String text = Json.write(value) + "\n";
        String writeTo = System.getenv("UNDERVOLT_WRITE_PINS");
        if (writeTo != null) {
            try {
                Files.writeString(Path.of(writeTo).resolve(name + ".json"), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (InputStream in = JsonPins.class.getResourceAsStream("/pins/" + name + ".json")) {
            assertThat(in).as("pin %s.json", name).isNotNull();
            assertThat(text).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
