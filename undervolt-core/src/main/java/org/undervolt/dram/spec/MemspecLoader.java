package org.undervolt.dram.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.io.PlainJson;
import org.undervolt.io.Sha256;

/**
 * Loads a DRAM spec from a file, detecting the format from its content: XML ({@code <memspec>}) is a
 * DRAMPower 4 memspec, JSON with a top-level {@code "memspec"} object a DRAMPower 5 memspec, JSON with an
 * {@code "organization"} object an Undervolt preset. JSON is read with {@link PlainJson}: loading a part, built-in
 * or from a file, starts no Jackson (about 400 classes, a third of a short command's start-up).
 */
public final class MemspecLoader {
    private MemspecLoader() {
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
        LoadedSpec parsed = parse(file.toString(), new String(bytes, StandardCharsets.UTF_8));
        return new LoadedSpec(parsed.spec(), parsed.format(), parsed.file(), Sha256.hex(bytes));
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
        Map<String, Object> root;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) PlainJson.parse(text); // text starts with '{'
            root = object;
        } catch (PlainJson.SyntaxException e) {
            throw new InvalidInputException(name + ":" + e.line() + ": not valid JSON: " + e.reason());
        }
        if (root.containsKey("memspec")) {
            return new LoadedSpec(Dp5JsonMemspec.parse(name, root, text), SpecFormat.DRAMPOWER5_JSON, name);
        }
        if (root.containsKey("organization")) {
            return new LoadedSpec(PresetFormat.parse(name, root).spec(), SpecFormat.UNDERVOLT_PRESET, name);
        }
        throw new InvalidInputException(name + ": JSON has neither a 'memspec' object (DRAMPower 5) nor an "
                + "'organization' object (Undervolt preset)");
    }
}
