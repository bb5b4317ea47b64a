package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code ./undervolt}) rebuilds exactly when a source changed: an edit in place, an added, deleted or
 * renamed file or folder under {@code undervolt-core/src/main}, or a changed {@code pom.xml}; nothing else. It runs
 * against a copy in a temporary tree whose Maven Wrapper, {@code java} and {@code jar} are stand-ins that record
 * being called, so no build or JVM runs. File times are set explicitly (the build "finished" 10 s ago, the sources
 * are older), so the test does not depend on the file system's clock granularity.
 */
class LauncherRebuildTest {
    private static final Path LAUNCHER = Path.of("..", "undervolt");

    @TempDir
    Path tree;
    private Path fakeJdk;

    @BeforeEach
    void copyTheLauncherBesideStandIns() throws IOException {
        Files.copy(LAUNCHER, tree.resolve("undervolt"), StandardCopyOption.COPY_ATTRIBUTES);
        executable(tree.resolve("mvnw"), """
                #!/usr/bin/env bash
                echo build >> builds.log
                mkdir -p undervolt-core/target/classes
                : > undervolt-core/target/runtime-classpath.txt
                """);
        fakeJdk = tree.resolve("jdk");
        executable(fakeJdk.resolve("bin/java"), "#!/usr/bin/env bash\necho ran\n");
        executable(fakeJdk.resolve("bin/jar"), """
                #!/usr/bin/env bash
                while [[ $# -gt 0 ]]; do [[ "$1" == --file ]] && : > "$2"; shift; done
                """);
        write("pom.xml", "<project/>\n");
        write("undervolt-core/pom.xml", "<project/>\n");
        write("undervolt-core/src/main/java/org/a/A.java", "class A {}\n");
        write("undervolt-core/src/main/java/org/a/B.java", "class B {}\n");
        write("undervolt-core/src/main/resources/org/a/table.csv", "x\n");
        write("README.md", "readme\n");
        write("undervolt-core/src/test/java/org/a/ATest.java", "class ATest {}\n");
    }

    @Test
    void rebuildsExactlyWhenASourceChanged() throws Exception {
        assertThat(run()).as("first run").isTrue();
        assertThat(run()).as("nothing changed").isFalse();

        append("undervolt-core/src/main/java/org/a/A.java", "// edited in place\n");
        assertThat(run()).as("a source edited in place").isTrue();
        assertThat(run()).as("after that rebuild").isFalse();

        Path old = write("undervolt-core/src/main/java/org/a/C.java", "class C {}\n");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        assertThat(run()).as("a file added with an old time (cp -p, tar)").isTrue();

        Files.delete(tree.resolve("undervolt-core/src/main/java/org/a/B.java"));
        assertThat(run()).as("a file deleted").isTrue();

        Files.move(tree.resolve("undervolt-core/src/main/java/org/a/C.java"),
                tree.resolve("undervolt-core/src/main/java/org/a/D.java"));
        assertThat(run()).as("a file renamed").isTrue();

        write("undervolt-core/src/main/java/org/a/b/c/E.java", "class E {}\n");
        assertThat(run()).as("a file in new folders").isTrue();

        append("undervolt-core/src/main/resources/org/a/table.csv", "y\n");
        assertThat(run()).as("a resource edited").isTrue();

        append("pom.xml", "<!-- edited -->\n");
        assertThat(run()).as("the parent pom edited").isTrue();
        append("undervolt-core/pom.xml", "<!-- edited -->\n");
        assertThat(run()).as("the core pom edited").isTrue();

        append("README.md", "more\n");
        append("undervolt-core/src/test/java/org/a/ATest.java", "// a test\n");
        assertThat(run()).as("only files outside the build's sources changed").isFalse();

        Files.delete(tree.resolve("undervolt-core/target/undervolt-cli.jar"));
        assertThat(run()).as("the jar is missing").isTrue();
        assertThat(Files.readAllLines(tree.resolve("builds.log"))).hasSize(10);
    }

    /**
     * Runs the launcher from another folder; true when it built. Afterwards every source is dated 20 s ago and the
     * build stamp 10 s ago, so the next change is newer than the stamp whatever the clock's granularity.
     */
    private boolean run() throws Exception {
        Path elsewhere = Files.createDirectories(tree.resolve("elsewhere"));
        ProcessBuilder pb = new ProcessBuilder("bash", tree.resolve("undervolt").toString(), "--version")
                .directory(elsewhere.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", fakeJdk.toString());
        pb.environment().put("UNDERVOLT_CDS", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("the stand-in java ran").contains("ran");
        long now = System.currentTimeMillis();
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path f : all.toList()) {
                Files.setLastModifiedTime(f, FileTime.fromMillis(now - 20_000));
            }
        }
        Path stamp = tree.resolve("undervolt-core/target/.undervolt-built");
        if (Files.exists(stamp)) {
            Files.setLastModifiedTime(stamp, FileTime.fromMillis(now - 10_000));
        }
        return out.contains("undervolt: building");
    }

    private Path write(String relative, String text) throws IOException {
        Path f = tree.resolve(relative);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text);
    }

    private void append(String relative, String text) throws IOException {
        Files.writeString(tree.resolve(relative), text, StandardOpenOption.APPEND);
    }

    private static void executable(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        assertThat(f.toFile().setExecutable(true)).isTrue();
    }

    @Test
    void theWatchListHoldsTheBuildsSourcesRelativeToTheCheckout() throws Exception {
        run();
        List<String> listed = Files.readAllLines(tree.resolve("undervolt-core/target/.undervolt-sources"));
        assertThat(listed).contains("pom.xml", "undervolt-core/src/main/java/org/a/A.java")
                .noneMatch(l -> l.startsWith("/") || l.contains("src/test") || l.contains("README"));
    }
}
