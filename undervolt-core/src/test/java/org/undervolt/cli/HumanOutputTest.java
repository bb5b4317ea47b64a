package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Human (non-JSON) output speaks words, not Java: no {@code {key=value}} maps and no enum constant names
 * ({@code UNDERVOLT_PRESET}); counts read {@code ACT 30, RD 3173} and {@code tolerance 17, data-floor 13}.
 */
class HumanOutputTest {
    /** Java's Map.toString ({@code {ACT=30, ...}}) or an enum constant with an underscore ({@code UNDERVOLT_PRESET}). */
    static final Pattern RAW_JAVA = Pattern.compile("\\{[\\w-]+=|\\b[A-Z][A-Z0-9]*_[A-Z][A-Z0-9_]*\\b");

    static void assertWords(CliRun r) {
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isNotBlank();
        assertThat(RAW_JAVA.matcher(r.out()).results().map(m -> m.group()).toList()).as(r.out()).isEmpty();
    }

    @Test
    void dramInfoNamesThePartsFormatInWords() {
        CliRun r = CliRun.of("dram", "info", "--part", "DDR3-1600");
        assertWords(r);
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("DDR3-1600_1Gb_x8 (DDR3, built-in preset)");
    }

    @Test
    void dramEnergyNamesThePartsFormatInWords() {
        Path trace = Path.of("").toAbsolutePath().getParent().resolve("examples/commands.csv");
        CliRun r = CliRun.of("dram", "energy", "--part", "DDR4-2400", "--trace", trace.toString());
        assertWords(r);
        assertThat(r.out()).contains("on DDR4-2400_4Gb_x8 (built-in preset), counting:");
    }

    @Test
    void dramSimulateCountsCommandsInWords() throws Exception {
        Path trace = Path.of("").toAbsolutePath().getParent().resolve("examples/requests.trace");
        assertThat(Files.isRegularFile(trace)).isTrue();
        CliRun r = CliRun.of("dram", "simulate", "--part", "DDR4-2400", "--requests", trace.toString());
        assertWords(r);
        assertThat(r.out()).contains("  commands ACT 30, PRE 1, PREA 3, RD 3173, WR 0, RDA 0, WRA 0, REFA 3");
    }

    @Test
    void operatingPointAndMapCountWhatLimitedTheDevicesInWords() {
        CliRun op = CliRun.of("operating-point", "--tolerable-ber", "1e-4");
        assertWords(op);
        assertThat(op.out()).contains("limited by: tolerance 17, data-floor 13");
        CliRun map = CliRun.of("map", "--network", "lenet5", "--weights-ber", "1e-4");
        assertWords(map);
        assertThat(map.out()).contains("limited by tolerance 17, data-floor 13;");
    }
}
