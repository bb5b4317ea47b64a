package org.undervolt.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.undervolt.InvalidInputException;

/** Reads the JSON object of an input file (partitions, tolerances); errors name the file and what was expected. */
final class JsonObjectFile {
    private JsonObjectFile() {
    }

    /**
     * The object in {@code file}; {@code kind} names the file in "no such … file", {@code expected} ends the
     * error "expected a JSON object …" when it holds something else.
     */
    static JsonNode read(Path file, String kind, String expected) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such " + kind + " file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(file + ": expected a JSON object " + expected);
        }
        return root;
    }
}
