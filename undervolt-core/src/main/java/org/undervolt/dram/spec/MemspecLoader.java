package org.undervolt.dram.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.sim.SimPresets;
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
     * The one reader of a DRAM part as a user names it ({@code --part}, a pipeline's {@code part}, a spec's
     * {@code part=}): a memspec file (any supported format) when one exists at {@code part}; else a built-in preset or
     * alias ({@link DramPresets}); else a pair of Ramulator 2.0a's organisation and speed-bin presets,
     * {@code ORG+BIN} ({@link SimPresets#byName}, one channel and rank: a timing-only part, which energy refuses by
     * {@link DramSpec#requireCurrents}).
     *
     * @throws InvalidInputException one line naming {@code part} and the three forms
     */
    public static LoadedSpec resolve(String part) {
        String name = part == null ? "" : part.trim();
        Path p = name.isEmpty() ? null : path(name);
        if (p != null && Files.exists(p)) {
            return load(p);
        }
        try {
            return new LoadedSpec(DramPresets.get(name), SpecFormat.UNDERVOLT_PRESET, name);
        } catch (InvalidInputException e) {
            DramSpec pair = SimPresets.byName(name, 1, 1);
            if (pair != null) {
                return new LoadedSpec(pair, SpecFormat.RAMULATOR_PAIR, name);
            }
            throw new InvalidInputException(name + ": no such memspec file, nor a preset; presets: " + DramPresets.names()
                    + ", or a pair of Ramulator's presets ORG+BIN, e.g. " + SimPresets.partName(
                    SimPresets.defaultOrganization("DDR4"), SimPresets.defaultTiming("DDR4")));
        }
    }

    /** {@code name} as a path, or null when it cannot be one (then it is a name). */
    private static Path path(String name) {
        try {
            return Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
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
