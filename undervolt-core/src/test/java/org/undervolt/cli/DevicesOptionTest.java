package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One meaning of {@code --devices} (issue 19): the characterised devices in {@code demo}, {@code map} and
 * {@code operating-point} alike; the organisation's count is {@code map --devices-per-rank}; the old spellings
 * ({@code --ber-table SEL}, {@code map --devices N}) still run, say so in one line, and give the same result.
 */
class DevicesOptionTest {

    private static String lf(String line) {
        return line + System.lineSeparator();
    }

    @Test
    void mapsOldDeviceCountIsDevicesPerRankWithANote() throws Exception {
        CliRun now = CliRun.of("map", "--weights-ber", "1e-4", "--devices-per-rank", "16", "--json");
        CliRun old = CliRun.of("map", "--weights-ber", "1e-4", "--devices", "16", "--json");
        assertThat(now.exit()).as(now.err()).isZero();
        assertThat(old.exit()).as(old.err()).isZero();
        assertThat(now.json().get("module").get("devices_per_rank").asInt()).isEqualTo(16);
        assertThat(old.out()).isEqualTo(now.out());
        assertThat(old.err()).isEqualTo(lf("undervolt: --devices 16 is now --devices-per-rank 16"));
        assertThat(now.err()).isEmpty();
        CliRun both = CliRun.of("map", "--weights-ber", "1e-4", "--devices", "16", "--devices-per-rank", "8");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).endsWith(lf("undervolt: --devices-per-rank 8: given twice (--devices 16 is --devices-per-rank now)"));
    }

    @Test
    void theOldBerTableIsDevicesWithANote() throws Exception {
        CliRun now = CliRun.of("map", "--weights-ber", "1e-4", "--devices", "voltron-A", "--json");
        CliRun old = CliRun.of("map", "--weights-ber", "1e-4", "--ber-table", "voltron-A", "--json");
        assertThat(now.exit()).as(now.err()).isZero();
        assertThat(old.out()).isEqualTo(now.out());
        assertThat(old.err()).isEqualTo(lf("undervolt: --ber-table is now --devices"));
        JsonNode j = now.json();
        assertThat(j.get("devices")).isNotEmpty().allSatisfy(d -> assertThat(d.get("vendor").asText()).isEqualTo("A"));
        // the old count and the old selector of one command line both still hold
        CliRun oldest = CliRun.of("map", "--weights-ber", "1e-4", "--devices", "16", "--ber-table", "voltron-A", "--json");
        assertThat(oldest.exit()).as(oldest.err()).isZero();
        assertThat(oldest.json().get("module").get("devices_per_rank").asInt()).isEqualTo(16);
        assertThat(oldest.json().get("devices")).hasSameSizeAs(j.get("devices"));
    }

    @Test
    void operatingPointTakesWhatTheOthersTakeOneCurveIncluded(@TempDir Path dir) throws Exception {
        Path curve = Files.writeString(dir.resolve("mine.csv"), "# my chips, nominal_vdd_v: 1.35\nvdd_v,ber\n1.35,0\n1.20,1e-6\n1.10,1e-4\n1.00,1e-2\n");
        CliRun r = CliRun.of("operating-point", "--tolerable-ber", "1e-4", "--devices", curve.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("devices")).hasSize(1);
        assertThat(j.get("knob").asText()).isEqualTo("vdd");
        CliRun map = CliRun.of("map", "--weights-ber", "1e-4", "--devices", curve.toString(), "--json");
        assertThat(map.exit()).as(map.err()).isZero();
        assertThat(map.json().get("devices")).hasSize(1);
        CliRun old = CliRun.of("operating-point", "--tolerable-ber", "1e-4", "--ber-table", curve.toString(), "--json");
        assertThat(old.out()).isEqualTo(r.out());
        assertThat(old.err()).isEqualTo(lf("undervolt: --ber-table is now --devices"));
    }
}
