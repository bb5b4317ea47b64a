package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DramSimulateCommandTest {

    static String trace(String name) throws Exception {
        return Path.of(DramSimulateCommandTest.class.getResource("/golden/ramulator/traces/" + name).toURI()).toString();
    }

    @Test
    void jsonFollowsTheOutputContractAndMatchesRamulator() throws Exception {
        DramEnergyCommandTest.Run r = DramEnergyCommandTest.run("dram", "simulate", "--standard", "DDR4", "--org",
                "DDR4_8Gb_x8", "--timing", "DDR4_2400R", "--mapping", "RoBaRaCoCh", "--page-policy", "open",
                "--requests", trace("seq_16k.trace"), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().trim().lines().count()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        // Ramulator 2.0a, golden case DDR4__seq_16k
        assertThat(j.get("cycles").asLong()).isEqualTo(85591);
        assertThat(j.get("reads").asLong()).isEqualTo(13050);
        assertThat(j.get("writes").asLong()).isEqualTo(3334);
        assertThat(j.get("row_hits").asLong()).isEqualTo(16194);
        assertThat(j.get("row_misses").asLong()).isEqualTo(140);
        assertThat(j.get("row_conflicts").asLong()).isEqualTo(2);
        assertThat(j.get("avg_read_latency_cycles").asDouble()).isBetween(236.2, 236.21);
        JsonNode c = j.get("commands");
        assertThat(c.get("ACT").asLong()).isEqualTo(142);
        assertThat(c.get("RD").asLong()).isEqualTo(13017);
        assertThat(c.get("REFA").asLong()).isEqualTo(9);
    }

    @Test
    void jsonBytesArePinnedAndNameTheRowPolicyAsTheOptionDoes() throws Exception {
        String trace = trace("seq_16k.trace");
        DramEnergyCommandTest.Run r = DramEnergyCommandTest.run("dram", "simulate", "--standard", "DDR4", "--row-policy",
                "closed", "--requests", trace, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> j = new ObjectMapper().readValue(r.out(), java.util.LinkedHashMap.class);
        assertThat(j).containsEntry("row_policy", "closed").doesNotContainKey("page_policy");
        j.put("requests_file", "seq_16k.trace"); // the only machine-dependent value
        org.undervolt.io.JsonPins.assertPinned("dram-simulate", j);
    }

    @Test
    void commandsOutChainsIntoDramEnergy(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("cmds.csv");
        DramEnergyCommandTest.Run r = DramEnergyCommandTest.run("dram", "simulate", "--standard", "DDR4", "--requests",
                trace("stride8k_10k.trace"), "--commands-out", csv.toString(), "--drain", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode sim = new ObjectMapper().readTree(r.out());
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(lines.size() - 1)).endsWith(",END,0,0,0,0,0");
        long acts = lines.stream().filter(l -> l.contains(",ACT,")).count();
        assertThat(acts).isEqualTo(sim.get("commands").get("ACT").asLong());
        assertThat(dir.toFile().list()).containsExactly("cmds.csv");

        DramEnergyCommandTest.Run e = DramEnergyCommandTest.run("dram", "energy", "--part", "DDR4-2400_4Gb_x8",
                "--trace", csv.toString(), "--json");
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode en = new ObjectMapper().readTree(e.out());
        assertThat(en.get("commands").get("ACT").asLong()).isEqualTo(acts);
        assertThat(en.get("core_j").asDouble()).isPositive();
    }

    @Test
    void badInputExitsTwoWithOneLineAndNoOutputFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.trace");
        Files.writeString(bad, "LD 0x0\nST 0x40\nLX 0x80\n");
        Path csv = dir.resolve("out.csv");
        DramEnergyCommandTest.Run r = DramEnergyCommandTest.run("dram", "simulate", "--standard", "DDR3", "--requests",
                bad.toString(), "--commands-out", csv.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim()).contains("bad.trace:3: field 'operation'").doesNotContain("\n");
        assertThat(csv).doesNotExist();

        Files.writeString(bad, "LD 0x0\nST 0x7fffffffffff\n");
        r = DramEnergyCommandTest.run("dram", "simulate", "--standard", "DDR3", "--requests", bad.toString(),
                "--commands-out", csv.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.trace:2: field 'address'").contains("out of range");
        assertThat(csv).doesNotExist();
        assertThat(dir.toFile().list()).containsExactly("bad.trace");

        r = DramEnergyCommandTest.run("dram", "simulate", "--standard", "DDR4", "--timing", "DDR4_9999X",
                "--requests", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--timing").contains("DDR4_2400R");
        r = DramEnergyCommandTest.run("dram", "simulate", "--standard", "DDR4", "--requests", dir.resolve("none").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no such request trace file");
    }

    @Test
    void aPartNameFromTheOneRegistryIsAcceptedAsDramEnergyAcceptsIt() throws Exception {
        DramEnergyCommandTest.Run byPart = DramEnergyCommandTest.run("dram", "simulate", "--part", "DDR4-2400",
                "--requests", trace("stride8k_10k.trace"), "--drain", "--json");
        assertThat(byPart.code()).as(byPart.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(byPart.out());
        assertThat(j.get("part").asText()).isEqualTo("DDR4-2400_4Gb_x8");
        assertThat(j.get("protocol").asText()).isEqualTo("DDR");
        assertThat(j.get("reads").asLong() + j.get("writes").asLong()).isEqualTo(10_000);
        // the same name through --standard is read as --part: the same run
        DramEnergyCommandTest.Run byStandard = DramEnergyCommandTest.run("dram", "simulate", "--standard", "DDR4-2400",
                "--requests", trace("stride8k_10k.trace"), "--drain", "--json");
        assertThat(byStandard.code()).as(byStandard.err()).isZero();
        assertThat(byStandard.out()).isEqualTo(byPart.out());
        DramEnergyCommandTest.Run both = DramEnergyCommandTest.run("dram", "simulate", "--part", "DDR4-2400",
                "--org", "DDR4_8Gb_x8", "--requests", trace("stride8k_10k.trace"));
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--org");
    }

    /** The JSON's part is a name --part takes: a run named by it is the same run, for every kind of part. */
    @Test
    void thePartARunNamesIsANamePartTakesBackForTheSameRun() throws Exception {
        String trace = trace("stride8k_10k.trace");
        String[][] ways = {
            {"--standard", "DDR4"},
            {"--standard", "DDR3", "--org", "DDR3_2Gb_x16", "--timing", "DDR3_1333H"},
            {"--standard", "LPDDR3"},
            {"--part", "DDR4-2400"},
            {"--part", "DDR3L-1600"},
        };
        for (String[] way : ways) {
            java.util.List<String> args = new java.util.ArrayList<>(List.of("dram", "simulate", "--requests", trace,
                    "--channels", "2", "--json"));
            args.addAll(List.of(way));
            DramEnergyCommandTest.Run first = DramEnergyCommandTest.run(args.toArray(String[]::new));
            assertThat(first.code()).as(first.err()).isZero();
            String part = new ObjectMapper().readTree(first.out()).get("part").asText();
            DramEnergyCommandTest.Run again = DramEnergyCommandTest.run("dram", "simulate", "--requests", trace,
                    "--channels", "2", "--json", "--part", part);
            assertThat(again.code()).as(String.join(" ", way) + ": " + again.err()).isZero();
            assertThat(again.out()).as(String.join(" ", way) + " -> --part " + part).isEqualTo(first.out());
            // picocli's parse and the plain one (DirectRun) agree on it
            assertThat(DirectRun.parse("dram", "simulate", "--requests", trace, "--part", part)).isNotNull();
        }
        // Ramulator's spelling names the part of the one registry: its pair name; the name of earlier runs (a space) too
        DramEnergyCommandTest.Run ddr3 = DramEnergyCommandTest.run("dram", "simulate", "--requests", trace, "--json",
                "--standard", "DDR3", "--org", "DDR3_2Gb_x16", "--timing", "DDR3_1333H");
        assertThat(new ObjectMapper().readTree(ddr3.out()).get("part").asText()).isEqualTo("DDR3_2Gb_x16+DDR3_1333H");
        assertThat(DramEnergyCommandTest.run("dram", "simulate", "--requests", trace, "--json", "--part",
                "DDR3_2Gb_x16 DDR3_1333H").out()).isEqualTo(ddr3.out());
        DramEnergyCommandTest.Run wrongBin = DramEnergyCommandTest.run("dram", "simulate", "--requests", trace,
                "--part", "DDR3_2Gb_x16+DDR4_2400R");
        assertThat(wrongBin.code()).isEqualTo(2);
        assertThat(wrongBin.err()).startsWith("undervolt: --part DDR3_2Gb_x16+DDR4_2400R: ").contains("DDR3_1333H");
        DramEnergyCommandTest.Run unknown = DramEnergyCommandTest.run("dram", "simulate", "--requests", trace, "--part", "DDR9");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("DDR4_8Gb_x8+DDR4_2400R");
    }
}
