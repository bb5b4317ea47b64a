package org.undervolt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A bad-input test's fixture folder, written {@code DIR} in the command lines and messages of its cases. */
final class FixtureFolder {
    private FixtureFolder() {
    }

    /** Runs {@code args} (split at spaces, {@code DIR} replaced by {@code dir}). */
    static CliRun run(String args, Path dir) {
        return CliRun.of(args.replace("DIR", dir.toString()).split(" "));
    }

    /** The run's stderr, stripped, with {@code dir} written back as {@code DIR}. */
    static String message(CliRun r, Path dir) {
        return r.err().strip().replace(dir.toString(), "DIR");
    }

    /** Every path under {@code dir}, relative to it: a refused run must add none (no half-written output). */
    static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
