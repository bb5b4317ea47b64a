package org.undervolt.dram.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.energy.EnergyCounting;
import org.undervolt.dram.energy.EnergyListener;
import org.undervolt.dram.energy.StateCycles;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;

class TraceReaderTest {
    private final DramSpec lpddr3 = DramPresets.get("LPDDR3-1600_4Gb_x32"); // 8 banks, 1 rank
    private final Organization org = lpddr3.organization();

    private CommandTrace read(String text) throws IOException {
        return TraceReader.read("t.trace", new StringReader(text), org, null);
    }

    @Test
    void detectsBothFormats() throws IOException {
        CommandTrace dp4 = read("0,ACT,3\n15,RD,3\n36,PRE,3\n51,END,0\n");
        assertThat(dp4.size()).isEqualTo(3);
        assertThat(dp4.endCycle()).isEqualTo(51);
        assertThat(dp4.bank(1)).isEqualTo(3);
        assertThat(dp4.command(2)).isEqualTo(Command.PRE);
        CommandTrace dp5 = read("0,ACT,0,0,5,7,0\n13,RD,0,0,5,7,8,268e2d8ff5dd75a1\n# comment\n\n18,PREA,0,0,0,0,0\n28,END,0,0,0,0,0\n");
        assertThat(dp5.size()).isEqualTo(3);
        assertThat(dp5.bank(0)).isEqualTo(5);
        assertThat(dp5.endCycle()).isEqualTo(28);
        assertThat(dp5.counts()).isEqualTo(Map.of(Command.ACT, 1L, Command.RD, 1L, Command.PREA, 1L));
        CommandTrace legacyNames = read("0,PDN_S_PRE,0\n10,PUP_PRE,0\n20,REF,0\n200,END,0\n");
        assertThat(legacyNames.command(0)).isEqualTo(Command.PDEP);
        assertThat(legacyNames.slowExit(0)).isTrue();
        assertThat(legacyNames.command(2)).isEqualTo(Command.REFA);
    }

    @Test
    void badLinesNameFileLineAndField() {
        assertThatThrownBy(() -> read("0,ACT,0\n5,FOO,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.trace:2").hasMessageContaining("'CMD'").hasMessageContaining("FOO");
        assertThatThrownBy(() -> read("10,ACT,0\n10,RD,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.trace:2").hasMessageContaining("'timestamp'");
        assertThatThrownBy(() -> read("10,ACT,0\n5,RD,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.trace:2").hasMessageContaining("greater than");
        assertThatThrownBy(() -> read("0,ACT,8\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.trace:1").hasMessageContaining("'bank' is 8").hasMessageContaining("0..7");
        assertThatThrownBy(() -> read("0,ACT,0,0,99999999999,0,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'bank'");
        assertThatThrownBy(() -> read("0,ACT,1,0,0,0,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'rank' is 1");
        assertThatThrownBy(() -> read("x1,ACT,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.trace:1").hasMessageContaining("'timestamp' is 'x1'");
        assertThatThrownBy(() -> read("0,ACT,0,0,0,-3,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'row'");
        assertThatThrownBy(() -> read("0,ACT,0,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected at least 7");
        assertThatThrownBy(() -> TraceReader.read("t.trc", new StringReader("0,ACT\n"), org, TraceFormat.DRAMPOWER4_TRC))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("t.trc:1").hasMessageContaining("'bank' is missing");
        assertThatThrownBy(() -> read("0,ACT\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.trace:1").hasMessageContaining("2 fields");
        assertThatThrownBy(() -> read("0,ACT,0\n5,END,0\n9,PRE,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.trace:3").hasMessageContaining("after END");
        assertThatThrownBy(() -> read("garbage\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.trace:1");
    }

    @Test
    void protocolViolationsAreBadInput() throws IOException {
        CommandTrace rdClosed = read("0,RD,2\n10,END,0\n");
        assertThatThrownBy(() -> EnergyListener.over(lpddr3, EnergyCounting.DRAMPOWER_4_1, rdClosed).cycles())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("t.trace").hasMessageContaining("cycle 0")
                .hasMessageContaining("precharged");
        CommandTrace refOpen = read("0,ACT,2\n40,REF,0\n300,END,0\n");
        assertThatThrownBy(() -> EnergyListener.over(lpddr3, EnergyCounting.DRAMPOWER_5_1, refOpen).cycles())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cycle 40");
        CommandTrace refb = read("0,REFB,1\n300,END,0\n");
        assertThatThrownBy(() -> EnergyListener.over(lpddr3, EnergyCounting.DRAMPOWER_5_1, refb).cycles())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not supported");
    }

    @Test
    void stateCyclesFollowEachVersionsRules() throws IOException {
        // ACT at 0, PRE at 36, REF at 60, END at 400; tRP 15, tRFC 104
        CommandTrace t = read("0,ACT,0\n15,RDA,1\n20,ACT,1\n30,RDA,1\n36,PRE,0\n60,REF,0\n400,END,0\n");
        assertThatThrownBy(() -> EnergyListener.over(lpddr3, EnergyCounting.DRAMPOWER_4_1, t).cycles())
                .isInstanceOf(InvalidInputException.class); // RDA to a closed bank 1 at cycle 15
        CommandTrace ok = read("0,ACT,0\n20,ACT,1\n30,RDA,1\n36,PRE,0\n60,REF,0\n400,END,0\n");
        StateCycles v4 = EnergyListener.over(lpddr3, EnergyCounting.DRAMPOWER_4_1, ok).cycles();
        // bank 1 auto-precharges at max(30 + RTP 8, 20 + RAS 36) = 56
        assertThat(v4.rda()).isEqualTo(1);
        assertThat(v4.pre()).isEqualTo(1);
        // DRAMPower 4.1 ends the window at END + (END - 1 - the start of the last stretch: precharged since
        // REF 60 + tRFC 104 - tRP 15 = 149), 400 + 250 = 650; DRAMPower 4.1 itself reports 650 / 145 / 505 here
        assertThat(v4.totalCycles()).isEqualTo(650);
        assertThat(v4.activeCycles()).isEqualTo(56 + (104 - 15));
        assertThat(v4.prechargedCycles()).isEqualTo(650 - 56 - 89);
        StateCycles v5 = EnergyListener.over(lpddr3, EnergyCounting.DRAMPOWER_5_1, ok).cycles();
        assertThat(v5.totalCycles()).isEqualTo(400);
        assertThat(v5.activeCycles()).isEqualTo(56 + 104);
        assertThat(v5.bankActiveCycles()).isEqualTo(36 + 36 + 104 * 8);
    }
}
