package org.undervolt.dram.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.energy.CommandEnergies;

class MemspecLoaderTest {
    private static final double PJ = 1e-12;

    static Path memspec(String name) {
        try {
            return Path.of(MemspecLoaderTest.class.getResource("/golden/dram/memspecs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) throws IOException {
        return Files.readString(memspec(name), StandardCharsets.UTF_8);
    }

    @Test
    void dp4XmlLpddr3EqualsThePreset() {
        LoadedSpec l = MemspecLoader.load(memspec("MICRON_4Gb_LPDDR3-1600_32bit_A.xml"));
        assertThat(l.format()).isEqualTo(SpecFormat.DRAMPOWER4_XML);
        DramSpec x = l.spec();
        DramSpec p = DramPresets.get("LPDDR3-1600_4Gb_x32");
        assertThat(x.name()).isEqualTo("MICRON_4Gb_LPDDR3-1600_32bit_A");
        assertThat(x.coreRail()).isEqualTo("VDD2");
        assertThat(x.rails()).extracting(Rail::name).containsExactly("VDD1", "VDD2");
        assertThat(x.rails()).isEqualTo(p.rails());
        assertThat(x.organization()).isEqualTo(p.organization());
        // the preset adds tRPab (JESD209-3, 17 cycles), which the memspec lacks and the LPDDR3 protocol needs
        java.util.Map<String, Integer> presetCycles = new java.util.LinkedHashMap<>(p.timings().cycles());
        assertThat(presetCycles.remove("RPab")).isEqualTo(17);
        assertThat(x.timings().cycles()).isEqualTo(presetCycles);
        assertThat(CommandEnergies.legacy(x)).isEqualTo(CommandEnergies.legacy(p));
    }

    @Test
    void dp4XmlDdr4HasVppAsSecondRail() {
        DramSpec s = MemspecLoader.load(memspec("MICRON_4Gb_DDR4-2400_8bit_A.xml")).spec();
        assertThat(s.standard()).isEqualTo(DramStandard.DDR4);
        assertThat(s.coreRail()).isEqualTo("VDD");
        assertThat(s.rail("VPP").volts()).isEqualTo(2.5);
        assertThat(s.organization().bankGroups()).isEqualTo(4);
        // golden README: one ACT = 982.31 pJ = 653.25 pJ VDD + 329.06 pJ VPP; PRE 495, RD 562, REF 23162 pJ
        CommandEnergies e = CommandEnergies.legacy(s);
        assertThat(e.act() / PJ).isCloseTo(982.3125, within(1e-6));
        assertThat(e.pre() / PJ).isCloseTo(495.0, within(1e-6));
        assertThat(e.rd() / PJ).isCloseTo(562.0, within(1e-6));
        assertThat(e.ref() / PJ).isCloseTo(23162.0, within(1e-3));
        CommandEnergies p = CommandEnergies.legacy(DramPresets.get("DDR4-2400"));
        assertThat(p.act()).isCloseTo(e.act(), within(1e-21));
        assertThat(p.wr()).isCloseTo(e.wr(), within(1e-21));
        assertThat(p.ref()).isCloseTo(e.ref(), within(1e-19));
    }

    @Test
    void dp5JsonLoadsRailsRhoAndBeta() {
        LoadedSpec l = MemspecLoader.load(memspec("MICRON_4Gb_DDR4-2400_8bit_A.json"));
        assertThat(l.format()).isEqualTo(SpecFormat.DRAMPOWER5_JSON);
        DramSpec s = l.spec();
        assertThat(s.rails()).extracting(Rail::name).containsExactly("VDD", "VPP");
        assertThat(s.rho()).isEqualTo(1.0);
        assertThat(s.rail("VPP").currents().ibeta()).isEqualTo(0.00405);
        assertThat(s.timings().rfc()).isEqualTo(313);
        DramSpec lp = MemspecLoader.load(memspec("dp5_lpddr5_test.json")).spec();
        assertThat(lp.standard()).isEqualTo(DramStandard.LPDDR5);
        assertThat(lp.rails()).extracting(Rail::name).containsExactly("VDD1", "VDD2H", "VDD2L");
        assertThat(lp.coreRail()).isEqualTo("VDD2H");
        assertThat(lp.rho()).isEqualTo(0.5);
        assertThat(lp.timings().rp()).isEqualTo(10);
        assertThat(lp.timings().rfc()).isEqualTo(25);
    }

    @Test
    void everyPresetLoadsWithSources() {
        assertThat(DramPresets.names()).containsExactly("LPDDR3-1600_4Gb_x32", "DDR3-1600_1Gb_x8", "DDR3L-1600_1Gb_x8",
                "DDR3L-1600_4Gb_x8", "DDR4-2400_4Gb_x8", "LPDDR4-3200_6Gb_x16");
        for (String n : DramPresets.names()) {
            DramSpec s = DramPresets.get(n);
            assertThat(s.source()).as(n).isNotBlank();
            assertThat(CommandEnergies.legacy(s).act()).as(n).isPositive();
        }
        // "DDR3L" names the 4 Gb part with DDR3L currents (DRAMsim3 DDR3_4Gb_x8_1600.ini, VDD 1.35 V);
        // the 1 Gb part keeps the 1.5 V currents and says so.
        DramSpec ddr3l = DramPresets.get("DDR3L");
        assertThat(ddr3l.name()).isEqualTo("DDR3L-1600_4Gb_x8");
        assertThat(ddr3l.coreVolts()).isEqualTo(1.35);
        assertThat(ddr3l.source()).contains("DRAMsim3").contains("MT41K512M8").doesNotContain("APPROXIMATION");
        assertThat(DramPresets.get("DDR3L-1600_1Gb_x8").source()).contains("APPROXIMATION");
        // hand-computed from the DRAMsim3 currents: ACT (55-38) mA x 28 x 1.25 ns x 1.35 V = 803.25 pJ,
        // PRE (55-32) x (39-28) x 1.6875 = 426.9375 pJ, RD (157-38) x 4 x 1.6875 = 803.25 pJ, WR (125-38) x 4 x 1.6875
        CommandEnergies l = CommandEnergies.legacy(ddr3l);
        assertThat(l.act() / PJ).isCloseTo(803.25, within(1e-6));
        assertThat(l.pre() / PJ).isCloseTo(426.9375, within(1e-6));
        assertThat(l.rd() / PJ).isCloseTo(803.25, within(1e-6));
        assertThat(l.wr() / PJ).isCloseTo(587.25, within(1e-6));
        assertThat(DramPresets.get("DDR3-1600").coreVolts()).isEqualTo(1.5);
        // golden DRAMPower 4.1, DDR3-1600 a_single: ACT 1312.50, PRE 468.75, RD 712.50 pJ
        CommandEnergies ddr3 = CommandEnergies.legacy(DramPresets.get("DDR3-1600"));
        assertThat(ddr3.act() / PJ).isCloseTo(1312.5, within(1e-6));
        assertThat(ddr3.pre() / PJ).isCloseTo(468.75, within(1e-6));
        assertThat(ddr3.rd() / PJ).isCloseTo(712.5, within(1e-6));
        DramSpec lp4 = DramPresets.get("LPDDR4-3200");
        assertThat(lp4.timings().rp()).isEqualTo(29);
        assertThat(lp4.timings().rfc()).isEqualTo(448);
        assertThat(lp4.coreVolts()).isEqualTo(1.1);
    }

    @Test
    void resolveTakesFilesOrPresetNames() {
        assertThat(MemspecLoader.resolve("LPDDR3-1600").format()).isEqualTo(SpecFormat.UNDERVOLT_PRESET);
        assertThat(MemspecLoader.resolve(memspec("dp5_ddr4_test.json").toString()).format())
                .isEqualTo(SpecFormat.DRAMPOWER5_JSON);
        assertThatThrownBy(() -> MemspecLoader.resolve("/no/such/file.xml")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/no/such/file.xml").hasMessageContaining("LPDDR3-1600_4Gb_x32");
    }

    @Test
    void badXmlNamesFileLineAndField() throws IOException {
        String ok = text("MICRON_4Gb_LPDDR3-1600_32bit_A.xml");
        assertThatThrownBy(() -> MemspecLoader.parse("m.xml", ok.replace("<parameter id=\"RAS\" type=\"uint\" value=\"36\" />", "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("m.xml").hasMessageContaining("'RAS'")
                .hasMessageContaining("missing");
        int rcdLine = lineOf(ok, "id=\"RCD\"");
        assertThatThrownBy(() -> MemspecLoader.parse("m.xml", ok.replace("id=\"RCD\" type=\"uint\" value=\"15\"",
                "id=\"RCD\" type=\"uint\" value=\"fifteen\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("m.xml:" + rcdLine)
                .hasMessageContaining("'RCD'").hasMessageContaining("fifteen");
        assertThatThrownBy(() -> MemspecLoader.parse("m.xml", ok.replace("id=\"vdd2\" type=\"double\" value=\"1.2\"", "id=\"vdd2\" type=\"double\" value=\"-1.2\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'vdd2'");
        assertThatThrownBy(() -> MemspecLoader.parse("m.xml", ok.replace("</memtimingspec>", "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("m.xml:").hasMessageContaining("XML");
        assertThatThrownBy(() -> MemspecLoader.parse("m.xml", ok.replace("<parameter id=\"idd4r2\" type=\"double\" value=\"260.0\" />", "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'idd4r2'");
    }

    @Test
    void badJsonNamesFileLineAndField() throws IOException {
        String ok = text("MICRON_4Gb_DDR4-2400_8bit_A.json");
        int rasLine = lineOf(ok, "\"RAS\"");
        assertThatThrownBy(() -> MemspecLoader.parse("m.json", ok.replace("\"RAS\": 39", "\"RAS\": \"39\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("m.json:" + rasLine)
                .hasMessageContaining("memspec.memtimingspec.RAS").hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> MemspecLoader.parse("m.json", ok.replace("\"idd3n\": 0.044,", "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("memspec.mempowerspec.idd3n")
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> MemspecLoader.parse("m.json", ok.replace("\"nbrOfBanks\": 16", "\"nbrOfBanks\": 0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nbrOfBanks");
        assertThatThrownBy(() -> MemspecLoader.parse("m.json", ok.replace("\"factRho\": 1.0", "\"factRho\": 1.5")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("factRho");
        assertThatThrownBy(() -> MemspecLoader.parse("m.json", "{\"memspec\": {"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> MemspecLoader.parse("m.json", "{\"x\": 1}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("neither");
        assertThatThrownBy(() -> MemspecLoader.parse("m.txt", "hello"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a memspec");
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
