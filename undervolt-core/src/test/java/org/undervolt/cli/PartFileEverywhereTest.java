package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code --part FILE} wherever a part is named (issue 19): a DRAMPower memspec given to {@code map} and
 * {@code operating-point} gives the figures of the preset that describes the same part (the presets cite these
 * Micron memspecs), and the output records the file by path and content hash.
 */
class PartFileEverywhereTest {

    private static JsonNode json(String... args) throws Exception {
        DramEnergyCommandTest.Run r = DramEnergyCommandTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    /** Every number of {@code a} equals {@code b}'s to 1e-12 relative (a memspec's mA against a preset's A), every text equal, except {@code skip} keys. */
    private static void sameFigures(String at, JsonNode a, JsonNode b, java.util.Set<String> skip) {
        if (a.isNumber()) {
            assertThat(b.isNumber()).as(at).isTrue();
            assertThat(b.asDouble()).as(at).isCloseTo(a.asDouble(), within(1e-12 * Math.abs(a.asDouble()) + 1e-300));
        } else if (a.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
                var e = it.next();
                if (!skip.contains(e.getKey())) {
                    assertThat(b.has(e.getKey())).as(at + "." + e.getKey()).isTrue();
                    sameFigures(at + "." + e.getKey(), e.getValue(), b.get(e.getKey()), skip);
                }
            }
        } else if (a.isArray()) {
            assertThat(b.size()).as(at).isEqualTo(a.size());
            for (int i = 0; i < a.size(); i++) {
                sameFigures(at + "[" + i + "]", a.get(i), b.get(i), skip);
            }
        } else {
            assertThat(b).as(at).isEqualTo(a);
        }
    }

    @Test
    void mapReadsAMemspecFileAsTheSamePartAsItsPreset() throws Exception {
        String file = DramEnergyCommandTest.golden("memspecs/MICRON_4Gb_DDR4-2400_8bit_A.xml");
        JsonNode byName = json("map", "--network", "lenet5", "--scheme", "eden", "--weights-ber", "1e-4", "--part",
                "DDR4-2400_4Gb_x8", "--json");
        JsonNode byFile = json("map", "--network", "lenet5", "--scheme", "eden", "--weights-ber", "1e-4", "--part", file,
                "--json");
        sameFigures("map", byName, byFile, java.util.Set.of("part"));
        assertThat(byName.get("module").has("part_file")).isFalse();
        assertThat(byFile.get("module").get("part_file").asText()).startsWith(file + " sha256:").hasSize(file.length() + 8 + 64);
        assertThat(byFile.get("energy_saving").asDouble()).isPositive();
    }

    @Test
    void operatingPointReadsAMemspecFileAsTheSamePartAsItsPreset() throws Exception {
        String file = DramEnergyCommandTest.golden("memspecs/MICRON_4Gb_LPDDR3-1600_32bit_A.xml");
        JsonNode byName = json("operating-point", "--tolerable-ber", "1e-6", "--part", "LPDDR3-1600", "--json");
        JsonNode byFile = json("operating-point", "--tolerable-ber", "1e-6", "--part", file, "--json");
        sameFigures("operating-point", byName, byFile, java.util.Set.of("part", "part_file"));
        assertThat(byFile.get("part_file").asText()).startsWith(file + " sha256:");
        assertThat(byName.has("part_file")).isFalse();
    }

    @Test
    void twoFilesOfOneNameAreTwoParts(@TempDir Path tmp) throws Exception {
        String text = Files.readString(Path.of(DramEnergyCommandTest.golden("memspecs/MICRON_4Gb_LPDDR3-1600_32bit_A.xml")));
        Path a = Files.createDirectories(tmp.resolve("a")).resolve("part.xml");
        Path b = Files.createDirectories(tmp.resolve("b")).resolve("part.xml");
        Files.writeString(a, text);
        Files.writeString(b, text + "\n"); // another file of the same name: another content
        String ha = json("operating-point", "--tolerable-ber", "1e-6", "--part", a.toString(), "--json").get("part_file").asText();
        String hb = json("operating-point", "--tolerable-ber", "1e-6", "--part", b.toString(), "--json").get("part_file").asText();
        assertThat(ha.substring(ha.indexOf(" sha256:"))).isNotEqualTo(hb.substring(hb.indexOf(" sha256:")));
    }
}
