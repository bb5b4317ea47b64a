package org.undervolt.dram.trace;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;

/** LPDDR3-1600: tRCD 15, tRAS 36, tRP 15, tRC 48, tRFC 104, tRTP 8. */
class TimingCheckerTest {
    private final DramSpec lp = DramPresets.get("LPDDR3-1600");

    private void check(String trace) throws IOException {
        TimingChecker.check(TraceReader.read("t.trc", new StringReader(trace), lp.organization(), null), lp);
    }

    @Test
    void legalTracesPassAtTheExactBoundaries() {
        assertThatCode(() -> check("0,ACT,0\n15,RD,0\n36,PRE,0\n51,ACT,0\n66,WR,0\n100,PREA,0\n115,REF,0\n219,ACT,3\n300,END,0\n"))
                .doesNotThrowAnyException();
        assertThatCode(() -> check("0,ACT,0\n15,RDA,0\n51,ACT,0\n")).doesNotThrowAnyException(); // auto-PRE at 36
        assertThatCode(() -> SyntheticTraceCheck.run(lp)).doesNotThrowAnyException();
    }

    @Test
    void eachViolationNamesLineAndConstraint() {
        assertThatThrownBy(() -> check("0,ACT,0\n14,RD,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.trc:2").hasMessageContaining("tRCD").hasMessageContaining("at least 15");
        assertThatThrownBy(() -> check("0,ACT,0\n15,RD,0\n35,PRE,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.trc:3").hasMessageContaining("tRAS");
        assertThatThrownBy(() -> check("0,ACT,0\n36,PRE,0\n50,ACT,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tRP");
        assertThatThrownBy(() -> check("0,ACT,0\n15,RDA,0\n50,ACT,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tRP"); // auto-precharge at 36, ACT needs 51
        assertThatThrownBy(() -> check("0,REF,0\n103,ACT,1\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.trc:2").hasMessageContaining("tRFC");
        assertThatThrownBy(() -> check("0,ACT,2\n36,PRE,2\n40,REF,0\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tRP");
    }

    /** Synthetic traces respect the constraints the checker checks. */
    static final class SyntheticTraceCheck {
        static void run(DramSpec spec) {
            TimingChecker.check(SyntheticTraces.random(spec, 20_000, 5), spec);
        }
    }
}
