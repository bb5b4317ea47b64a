package org.undervolt.dram.spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.undervolt.InvalidInputException;

/**
 * Loads a DRAM spec from a file, detecting the format from its content: XML ({@code <memspec>}) is a
 * DRAMPower 4 memspec, JSON with a top-level {@code "memspec"} object a DRAMPower 5 memspec, JSON with an
 * {@code "organization"} object an Undervolt preset.
 */
public final class MemspecLoader {
    private MemspecLoader() {
    }

    /** Jackson, created on first use: XML memspecs and presets never need it (it costs start-up time). */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    /**
     * A memspec file (any supported format) or, when no file exists at {@code fileOrPreset}, a built-in preset
     * of that name ({@link DramPresets}).
     */
    public static LoadedSpec resolve(String fileOrPreset) {
        Path p = Path.of(fileOrPreset);
        if (Files.exists(p)) {
            return load(p);
        }
        try {
            return new LoadedSpec(DramPresets.get(fileOrPreset), SpecFormat.UNDERVOLT_PRESET, fileOrPreset);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(fileOrPreset + ": no such memspec file, nor a preset; presets: "
                    + DramPresets.names());
        }
    }

    public static LoadedSpec load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such memspec file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read memspec: " + e.getMessage(), e);
        }
        return parse(file.toString(), new String(bytes, StandardCharsets.UTF_8));
    }

    /** Parses memspec {@code text}; {@code name} is used in messages. */
    public static LoadedSpec parse(String name, String text) {
        String t = text.stripLeading();
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1).stripLeading();
        }
        if (t.startsWith("<")) {
            return new LoadedSpec(Dp4XmlMemspec.parse(name, text), SpecFormat.DRAMPOWER4_XML, name);
        }
        if (!t.startsWith("{")) {
            throw new InvalidInputException(name + ": not a memspec: expected DRAMPower 4 XML (<memspec>) or JSON ({\"memspec\": ...})");
        }
        JsonNode root;
        try {
            root = Mapper.INSTANCE.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(name + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root.has("memspec")) {
            return new LoadedSpec(Dp5JsonMemspec.parse(name, root, text), SpecFormat.DRAMPOWER5_JSON, name);
        }
        if (root.has("organization")) {
            try {
                return new LoadedSpec(PresetFormat.read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                        .spec(), SpecFormat.UNDERVOLT_PRESET, name);
            } catch (IOException e) {
                throw new InvalidInputException(name + ": cannot read preset: " + e.getMessage(), e);
            }
        }
        throw new InvalidInputException(name + ": JSON has neither a 'memspec' object (DRAMPower 5) nor an "
                + "'organization' object (Undervolt preset)");
    }
}
