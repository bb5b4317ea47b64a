package org.undervolt.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.undervolt.random.Seeds;

/**
 * A deterministic stand-in for fuzzing that runs in every build: each seed of each parser is
 * damaged {@value #DRAWS} ways ({@link Mutations}) and every result must satisfy
 * {@link ParseProperty}. Every seed must itself parse, so the corpus stays meaningful, except the
 * {@code crash-*} files: inputs Jazzer found that once broke the property, kept as regression inputs.
 */
class DamagedInputsTest {
    static final int DRAWS = 150;

    @ParameterizedTest
    @EnumSource(ParserTarget.class)
    @Timeout(60)
    void everyDamagedSeedParsesOrIsRejectedInOneLine(ParserTarget target) throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (Path f : files(target)) {
            byte[] b = Files.readAllBytes(f);
            if (f.getFileName().toString().startsWith("crash-")) {
                target.check(b);
            } else {
                seeds.add(b);
            }
        }
        assertThat(seeds).as("seeds of " + target).isNotEmpty();
        int accepted = 0;
        List<String> failures = new ArrayList<>();
        for (int s = 0; s < seeds.size(); s++) {
            assertThat(target.check(seeds.get(s))).as(target + " seed " + s + " must parse").isTrue();
            for (int k = 0; k < DRAWS; k++) {
                SplittableRandom rng = Seeds.stream(11, target.ordinal(), s, k);
                byte[] damaged = Mutations.mutate(seeds.get(s), rng);
                try {
                    accepted += target.check(damaged) ? 1 : 0;
                } catch (AssertionError | RuntimeException | OutOfMemoryError e) {
                    failures.add("seed " + s + " draw " + k + ": " + e);
                }
            }
        }
        assertThat(failures).as(target + " failures").isEmpty();
        // Most damage must be caught: a parser that accepts everything checks nothing.
        assertThat(accepted).as(target + " accepted damaged inputs").isLessThan(seeds.size() * DRAWS);
    }

    /** The seed files of {@code target}, from the test classpath, in name order. */
    static List<Path> files(ParserTarget target) throws IOException, URISyntaxException {
        Path dir = Path.of(DamagedInputsTest.class.getResource(target.seedFolder()).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
