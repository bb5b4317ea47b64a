package org.undervolt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What produced a result: Undervolt version, git revision, JVM and machine.
 *
 * <p>The version comes from the build ({@code undervolt.properties}, filtered by Maven). The git
 * revision is read from {@code .git/HEAD} of the working directory or its parents, without running git.
 */
public final class Provenance {
    private static final Properties BUILD = loadBuildProperties();

    private Provenance() {
    }

    public static String version() {
        return BUILD.getProperty("version", "unknown");
    }

    /** The commit the working tree is at, or {@code "unknown"} outside a git checkout. */
    public static String gitRevision() {
        Path dir = Path.of("").toAbsolutePath();
        for (; dir != null; dir = dir.getParent()) {
            Path head = dir.resolve(".git").resolve("HEAD");
            if (Files.isRegularFile(head)) {
                return resolveHead(dir.resolve(".git"), head);
            }
        }
        return "unknown";
    }

    /** Version, revision, JVM and machine facts, in a stable order, for result files. */
    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("undervolt_version", version());
        m.put("git_revision", gitRevision());
        m.put("java_version", System.getProperty("java.version"));
        m.put("java_vm", System.getProperty("java.vm.name"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("available_processors", Runtime.getRuntime().availableProcessors());
        return m;
    }

    private static String resolveHead(Path gitDir, Path head) {
        try {
            String ref = Files.readString(head, StandardCharsets.UTF_8).trim();
            if (!ref.startsWith("ref: ")) {
                return ref;
            }
            String name = ref.substring(5);
            Path loose = gitDir.resolve(name);
            if (Files.isRegularFile(loose)) {
                return Files.readString(loose, StandardCharsets.UTF_8).trim();
            }
            Path packed = gitDir.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + name)) {
                        return line.substring(0, line.indexOf(' '));
                    }
                }
            }
            return "unborn " + name;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Properties loadBuildProperties() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/org/undervolt/undervolt.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // leave empty: version() reports "unknown"
        }
        return p;
    }
}
