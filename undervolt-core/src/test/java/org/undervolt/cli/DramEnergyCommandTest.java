package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class DramEnergyCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = UndervoltCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String golden(String rel) throws Exception {
        return Path.of(DramEnergyCommandTest.class.getResource("/golden/dram/" + rel).toURI()).toString();
    }

    @Test
    void jsonFollowsTheOutputContract() throws Exception {
        Run r = run("dram", "energy", "--part", golden("memspecs/MICRON_4Gb_LPDDR3-1600_32bit_A.xml"), "--trace",
                golden("drampower41/traces/dp4_MICRON_4Gb_LPDDR3-1600_32bit_A__a_single.trc"), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("counting").asText()).isEqualTo("DRAMPOWER_4_1");
        assertThat(j.get("core_j").asDouble()).isCloseTo(9742.5e-12, within(1e-16));
        // golden DRAMPower 4.1 with -r: RD I/O 186.62 pJ, total 9929.12 pJ
        assertThat(j.get("io_j").asDouble()).isCloseTo(186.62e-12, within(0.01e-12));
        assertThat(j.get("total_j").asDouble()).isCloseTo(9929.12e-12, within(0.02e-12));
        JsonNode c = j.get("components_j");
        for (String k : new String[] {"act", "pre", "rd", "wr", "rda", "wra", "ref", "act_background", "pre_background",
            "power_down", "self_refresh"}) {
            assertThat(c.has(k)).as(k).isTrue();
        }
        assertThat(c.get("act").asDouble()).isCloseTo(2943e-12, within(1e-18));
        assertThat(r.out().trim().lines().count()).isEqualTo(1);
    }

    @Test
    void railsChoosesWhetherLpddr3Vdd1FollowsVdd2() throws Exception {
        String spec = golden("memspecs/MICRON_4Gb_LPDDR3-1600_32bit_A.xml");
        String trace = golden("drampower41/traces/dp4_MICRON_4Gb_LPDDR3-1600_32bit_A__a_single.trc");
        double r = 1.025 / 1.35;
        String vdd = Double.toString(1.2 * r);
        JsonNode core = new ObjectMapper().readTree(run("dram", "energy", "--part", spec, "--trace", trace, "--json",
                "--vdd", vdd).out());
        JsonNode all = new ObjectMapper().readTree(run("dram", "energy", "--part", spec, "--trace", trace, "--json",
                "--vdd", vdd, "--rails", "all").out());
        assertThat(core.get("rail_scaling").asText()).isEqualTo("core");
        assertThat(all.get("rail_scaling").asText()).isEqualTo("all");
        // ACT: VDD1 1053 pJ stays, VDD2 1890 pJ scales by r^2; with all rails the whole 2943 pJ does
        assertThat(core.get("components_j").get("act").asDouble()).isCloseTo((1053 + 1890 * r * r) * 1e-12, within(1e-18));
        assertThat(all.get("components_j").get("act").asDouble()).isCloseTo(2943 * r * r * 1e-12, within(1e-18));
        Run bad = run("dram", "energy", "--part", spec, "--trace", trace, "--rails", "vdd1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("core or all");
    }

    @Test
    void jsonMemspecSelectsDramPower51AndVddScalesTheCore() throws Exception {
        String spec = golden("memspecs/MICRON_4Gb_DDR4-2400_8bit_A.json");
        String trace = golden("drampower51/traces/dp5_MICRON_4Gb_DDR4-2400_8bit_A__c_conflict.csv");
        Run nominal = run("dram", "energy", "--part", spec, "--trace", trace, "--json");
        assertThat(nominal.code()).as(nominal.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(nominal.out());
        assertThat(n.get("counting").asText()).isEqualTo("DRAMPOWER_5_1");
        assertThat(n.get("io_j").isNull()).isTrue();
        assertThat(n.get("total_j").asDouble()).isEqualTo(n.get("core_j").asDouble());
        assertThat(n.get("core_j").asDouble()).isCloseTo(2.218600e-07, within(1e-12));
        Run low = run("dram", "energy", "--part", spec, "--trace", trace, "--json", "--vdd", "1.0");
        JsonNode l = new ObjectMapper().readTree(low.out());
        assertThat(l.get("core_j").asDouble()).isLessThan(n.get("core_j").asDouble());
        Run legacy = run("dram", "energy", "--part", spec, "--trace", trace, "--json", "--counting", "drampower4");
        JsonNode g = new ObjectMapper().readTree(legacy.out());
        assertThat(g.get("counting").asText()).isEqualTo("DRAMPOWER_4_1");
        // same stream under 4.1 rules: golden DRAMPower 4.1 total for this case is 222,433.75 pJ
        assertThat(g.get("core_j").asDouble()).isCloseTo(222433.75e-12, within(1e-15));
    }

    @Test
    void badInputExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.trc");
        Files.writeString(bad, "0,ACT,0\n7,JUMP,0\n");
        Run r = run("dram", "energy", "--part", "LPDDR3-1600", "--trace", bad.toString(), "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().trim().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("bad.trc:2").contains("JUMP");
        Run m = run("dram", "energy", "--part", dir.resolve("none.xml").toString(), "--trace", bad.toString());
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err()).contains("none.xml");
    }

    @Test
    void infoAndPresetsPrint() throws Exception {
        Run r = run("dram", "info", "--memspec", "LPDDR3-1600", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("read_access_j").get("conflict").asDouble()).isCloseTo(5367e-12, within(1e-18));
        Run p = run("dram", "presets");
        assertThat(p.code()).isZero();
        assertThat(p.out()).contains("LPDDR3-1600_4Gb_x32").contains("DDR4-2400_4Gb_x8");
    }
}
