package org.undervolt.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.undervolt.InvalidInputException;
import org.undervolt.io.Json;

/**
 * A pipeline config file: one flat object of settings, written in JSON or YAML.
 *
 * <p>The syntax is chosen by the extension ({@code .yaml}/{@code .yml} YAML, {@code .json} JSON) or, for
 * any other name, by the content (JSON starts with <code>{</code>; anything else is read as YAML, of which
 * JSON is nearly a subset anyway). Both give the same Java values (strings, Integer/Long, Double, Boolean,
 * lists, null), so one config written either way is the same run. The line of every top-level key is kept,
 * so a bad value can be reported as {@code my.yaml line 12}.
 *
 * @param values the settings in file order
 * @param lines  setting → 1-based line of its key in the file
 * @param syntax {@code "json"} or {@code "yaml"}
 */
public record ConfigFile(Map<String, Object> values, Map<String, Integer> lines, String syntax) {
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Reads {@code file}; bad syntax is one line naming the file, the line and what is wrong. */
    public static ConfigFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--config " + file + ": no such file (expected a JSON or YAML object of settings)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("--config " + file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(text, file.toString(), syntaxOf(file.getFileName().toString(), text));
    }

    /** {@code "yaml"} or {@code "json"} for a file called {@code name} holding {@code text}. */
    static String syntaxOf(String name, String text) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return "yaml";
        }
        if (n.endsWith(".json")) {
            return "json";
        }
        return text.stripLeading().startsWith("{") ? "json" : "yaml";
    }

    /** Parses {@code text} ({@code where} names it in messages) as {@code syntax}. */
    static ConfigFile parse(String text, String where, String syntax) {
        ObjectMapper mapper = syntax.equals("yaml") ? YAML : Json.mapper();
        String what = syntax.equals("yaml") ? "YAML" : "JSON";
        if (text.isBlank()) {
            throw new InvalidInputException(where + ": empty file, expected a " + what + " object of settings (key: value)");
        }
        Map<String, Object> values;
        Map<String, Integer> lines = new LinkedHashMap<>();
        try {
            values = mapper.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
            try (JsonParser p = mapper.getFactory().createParser(text)) {
                int depth = 0;
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        depth++;
                    } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        depth--;
                    } else if (t == JsonToken.FIELD_NAME && depth == 1) {
                        lines.putIfAbsent(p.currentName(), p.currentTokenLocation().getLineNr());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(where + ": not a " + what + " object of settings (" + describe(e) + ")");
        } catch (IOException e) {
            throw new InvalidInputException(where + ": cannot read (" + e.getMessage() + ")");
        }
        if (values == null) {
            throw new InvalidInputException(where + ": empty document, expected a " + what + " object of settings");
        }
        return new ConfigFile(values, lines, syntax);
    }

    /** {@code line 3, column 5: mapping values are not allowed here}: the parser's first line and its place. */
    private static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        msg = msg.lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse(msg);
        int cut = msg.indexOf(" at [Source");
        if (cut > 0) {
            msg = msg.substring(0, cut);
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? msg : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + msg;
    }
}
