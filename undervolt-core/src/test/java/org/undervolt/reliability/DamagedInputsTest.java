package org.undervolt.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
 * {@link ParseProperty}. Every seed must itself parse, so the corpus stays meaningful.
 */
class DamagedInputsTest {
    static final int DRAWS = 150;

    @ParameterizedTest
    @EnumSource(ParserTarget.class)
    @Timeout(60)
    void everyDamagedSeedParsesOrIsRejectedInOneLine(ParserTarget target) throws Exception {
        List<byte[]> seeds = seeds(target);
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

    /** The seed files of {@code target}, from the test classpath. */
    static List<byte[]> seeds(ParserTarget target) throws IOException, URISyntaxException {
        Path dir = Path.of(DamagedInputsTest.class.getResource(target.seedFolder()).toURI());
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(in.readAllBytes());
                }
            }
        }
        return out;
    }
}
