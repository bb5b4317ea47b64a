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
 * revision is that of the build that runs: read from {@code .git/HEAD} of the checkout its classes or jar lie in
 * ({@code undervolt-core/target/...}), without running git, whatever the caller's working directory.
 */
public final class Provenance {
    private static final Properties BUILD = loadBuildProperties();

    private Provenance() {
    }

    public static String version() {
        return BUILD.getProperty("version", "unknown");
    }

    /**
     * The commit of the checkout that built the running code (the folder its classes or jar were loaded from), or
     * {@code "unknown"} when that is not inside a git checkout (a jar copied elsewhere). Not the caller's working
     * directory: a run started outside the checkout, or inside another repository, records the code's own commit.
     */
    public static String gitRevision() {
        Path code = codeLocation();
        return code == null ? "unknown" : gitRevision(code);
    }

    /** Where this class was loaded from: {@code target/classes} or the jar; null when the class loader does not say. */
    static Path codeLocation() {
        try {
            java.security.CodeSource source = Provenance.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                return Path.of(source.getLocation().toURI());
            }
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            // no location to read
        }
        return null;
    }

    /** The commit of the checkout holding {@code start} (a plain repository or a linked worktree). */
    static String gitRevision(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            try {
                if (Files.isDirectory(dotGit)) {
                    return resolveHead(dotGit, dotGit);
                }
                if (Files.isRegularFile(dotGit)) {
                    // a linked worktree: ".git" holds "gitdir: <path>", whose "commondir" names the shared refs
                    String line = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
                    if (line.startsWith("gitdir: ")) {
                        Path gitDir = dir.resolve(line.substring(8)).normalize();
                        Path common = gitDir;
                        Path commonFile = gitDir.resolve("commondir");
                        if (Files.isRegularFile(commonFile)) {
                            common = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim())
                                    .normalize();
                        }
                        return resolveHead(gitDir, common);
                    }
                }
            } catch (IOException e) {
                return "unknown";
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

    private static String resolveHead(Path gitDir, Path commonDir) throws IOException {
        String ref = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (!ref.startsWith("ref: ")) {
            return ref;
        }
        String name = ref.substring(5);
        for (Path d : new Path[] {gitDir, commonDir}) {
            Path loose = d.resolve(name);
            if (Files.isRegularFile(loose)) {
                return Files.readString(loose, StandardCharsets.UTF_8).trim();
            }
        }
        Path packed = commonDir.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                if (line.endsWith(" " + name)) {
                    return line.substring(0, line.indexOf(' '));
                }
            }
        }
        return "unborn " + name;
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
