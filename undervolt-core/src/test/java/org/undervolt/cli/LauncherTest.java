package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./undervolt} launcher (issue 21) on a stand-in project: a fake Maven Wrapper that only records
 * that it built, and a fake JDK whose {@code java} records its options. The launcher must rebuild after every
 * kind of source change and only then, and keep its class-data-sharing archive per command, made on first
 * use and made again when the JVM rejects it.
 */
class LauncherTest {
    @TempDir
    Path root;
    private Path src;

    @BeforeEach
    void project() throws IOException {
        Files.copy(Path.of("..", "undervolt"), root.resolve("undervolt"));
        executable(root.resolve("undervolt"));
        script(root.resolve("mvnw"), """
                mkdir -p undervolt-core/target/classes
                echo compiled > undervolt-core/target/classes/A.class
                echo /deps/lib.jar > undervolt-core/target/runtime-classpath.txt
                echo build >> builds.log
                """);
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        src = Files.createDirectories(root.resolve("undervolt-core/src/main/java/a"));
        Files.writeString(root.resolve("undervolt-core/pom.xml"), "<project/>");
        Files.writeString(src.resolve("A.java"), "class A {}");
        Path bin = Files.createDirectories(root.resolve("jdk/bin"));
        // java: prints its options; writes the class list it is asked to record and the archive it is asked to dump;
        // says it rejects the archive when told to
        script(bin.resolve("java"), """
                dump=""
                for a in "$@"; do [ "$a" = -Xshare:dump ] && dump=1; done
                for a in "$@"; do
                  case "$a" in
                    -XX:DumpLoadedClassList=*) echo a.A > "${a#*=}" ;;
                    -XX:SharedArchiveFile=*)
                      if [ -n "$dump" ]; then echo archive > "${a#*=}";
                      elif [ -n "${REJECT:-}" ]; then echo "[0.01s][warning][cds] Unable to use shared archive" >&2; fi ;;
                  esac
                done
                echo "WARNING: Using incubator modules: jdk.incubator.vector" >&2
                echo "java $*"
                """);
        script(bin.resolve("jar"), """
                while [ $# -gt 0 ]; do [ "$1" = --file ] && touch "$2"; shift; done
                """);
    }

    private static void script(Path p, String body) throws IOException {
        Files.writeString(p, "#!/usr/bin/env bash\nset -e\ncd \"$(dirname \"$0\")\" 2>/dev/null || true\n" + body);
        executable(p);
    }

    private static void executable(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the launcher; returns what java printed (stdout) and stderr, separated by a line "--". */
    private String run(String env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("env", "JAVA_HOME=" + root.resolve("jdk")));
        if (!env.isEmpty()) {
            cmd.add(env);
        }
        cmd.add(root.resolve("undervolt").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return out + "--\n" + err;
    }

    private long builds() throws IOException {
        Path log = root.resolve("builds.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    @Test
    void rebuildsAfterEverySourceChangeAndOnlyThen() throws Exception {
        run("", "--version");
        assertThat(builds()).isEqualTo(1);
        run("", "--version");
        assertThat(builds()).as("nothing changed").isEqualTo(1);

        Thread.sleep(20); // past the file system's timestamp granularity
        Files.writeString(src.resolve("A.java"), "// edited in place\n", StandardOpenOption.APPEND);
        run("", "--version");
        assertThat(builds()).as("file edited in place").isEqualTo(2);
        run("", "--version");
        assertThat(builds()).isEqualTo(2);

        Thread.sleep(20);
        Files.writeString(src.resolve("B.java"), "class B {}");
        run("", "--version");
        assertThat(builds()).as("file added").isEqualTo(3);

        Thread.sleep(20);
        Files.delete(src.resolve("B.java"));
        run("", "--version");
        assertThat(builds()).as("file removed").isEqualTo(4);

        Thread.sleep(20);
        Files.writeString(Files.createDirectories(src.resolve("deeper/still")).resolve("C.java"), "class C {}");
        run("", "--version");
        assertThat(builds()).as("file in a new folder").isEqualTo(5);

        Thread.sleep(20);
        Files.writeString(root.resolve("pom.xml"), "<project><!-- changed --></project>");
        run("", "--version");
        assertThat(builds()).as("POM changed").isEqualTo(6);
        run("", "--version");
        assertThat(builds()).isEqualTo(6);
    }

    @Test
    void classDataSharingArchivePerCommandMadeOnFirstUseAndRemadeWhenRejected() throws Exception {
        Path cds = root.resolve("undervolt-core/target/cds");
        String help = run("", "dram", "energy", "--help");
        assertThat(help).as("a help run records no classes for the command's archive").doesNotContain("ClassList")
                .doesNotContain("SharedArchiveFile");
        String first = run("", "dram", "energy", "--trace", "t.trc");
        assertThat(first).contains("-XX:DumpLoadedClassList=").contains("org.undervolt.cli.UndervoltCli dram energy --trace t.trc")
                .doesNotContain("WARNING: Using incubator modules");
        assertThat(first).as("short command: quick compiler only").contains("-XX:TieredStopAtLevel=1");
        assertThat(first).as("no lanes: the JDK's archived module graph stays usable").doesNotContain("--add-modules")
                .contains("-XX:-UsePerfData");
        String archive = "_jdk_bin_java-dram-energy.jsa";
        assertThat(Files.list(cds).map(p -> p.getFileName().toString().replaceAll("^.*(_jdk_bin_java)", "$1")))
                .as("the archive and the dump's log; no class list left").containsExactlyInAnyOrder(archive,
                        "_jdk_bin_java-dram-energy.log");
        // a static archive of the recorded classes, dumped with the run's module options and class path
        String dump = Files.readString(cds.resolve(Files.list(cds).filter(p -> p.toString().endsWith(".log"))
                .findFirst().orElseThrow().getFileName()));
        assertThat(dump).doesNotContain("--add-modules").contains("-Xshare:dump -XX:SharedClassListFile=")
                .contains("-cp " + root.resolve("undervolt-core/target/undervolt-cli.jar") + ":/deps/lib.jar");
        String second = run("", "dram", "energy", "--trace", "t.trc");
        assertThat(second).contains("-XX:SharedArchiveFile=").doesNotContain("DumpLoadedClassList");

        String sim = run("", "dram", "simulate", "--requests", "r.trace");
        assertThat(sim).contains("-XX:DumpLoadedClassList=").contains("-XX:TieredStopAtLevel=1").doesNotContain("--add-modules");
        String train = run("", "train", "--network", "mlp");
        assertThat(train).as("a command that uses lanes: the Vector API's module, both compilers")
                .contains("--add-modules=jdk.incubator.vector").doesNotContain("TieredStopAtLevel");
        assertThat(Files.readString(cds.resolve(Files.list(cds).filter(p -> p.toString().endsWith("-train.log"))
                .findFirst().orElseThrow().getFileName()))).as("dumped with the same module options")
                .contains("--add-modules=jdk.incubator.vector");

        String rejected = run("REJECT=1", "dram", "energy", "--trace", "t.trc");
        assertThat(rejected).as("the JVM's notice is not shown").doesNotContain("Unable to use shared archive");
        assertThat(Files.list(cds).filter(p -> p.toString().endsWith("dram-energy.jsa"))).isEmpty();
        assertThat(run("", "dram", "energy", "--trace", "t.trc")).contains("-XX:DumpLoadedClassList=");

        Thread.sleep(20);
        Files.writeString(src.resolve("A.java"), "// edited\n", StandardOpenOption.APPEND);
        assertThat(run("", "dram", "energy", "--trace", "t.trc")).as("a rebuild drops every archive")
                .contains("-XX:DumpLoadedClassList=");
        assertThat(run("UNDERVOLT_CDS=0", "dram", "energy")).doesNotContain("Archive").doesNotContain("ClassList");
    }
}
