package org.undervolt.dram.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few settings of a Ramulator 2 YAML config the golden cases vary, read by indentation (enough for
 * the golden configs: nested maps of scalars; list items are skipped). Keys are dotted paths such as
 * {@code MemorySystem.DRAM.org.preset}.
 */
final class RamulatorConfig {
    final Map<String, String> values = new LinkedHashMap<>();

    RamulatorConfig(Path yaml) throws IOException {
        Deque<int[]> indents = new ArrayDeque<>();
        Deque<String> keys = new ArrayDeque<>();
        for (String raw : Files.readAllLines(yaml)) {
            String line = raw.replaceAll("\\s+$", "");
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String body = line.trim();
            while (!indents.isEmpty() && indents.peek()[0] >= indent) {
                indents.pop();
                keys.pop();
            }
            if (body.startsWith("- ")) {
                indents.push(new int[] {indent});
                keys.push("-");
                continue;
            }
            int colon = body.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = body.substring(0, colon).trim();
            String value = body.substring(colon + 1).trim();
            StringBuilder path = new StringBuilder();
            keys.descendingIterator().forEachRemaining(k -> path.append(k).append('.'));
            path.append(key);
            if (value.isEmpty()) {
                indents.push(new int[] {indent});
                keys.push(key);
            } else {
                values.put(path.toString(), value);
            }
        }
    }

    String get(String path) {
        return values.get(path);
    }

    String get(String path, String dflt) {
        return values.getOrDefault(path, dflt);
    }
}
