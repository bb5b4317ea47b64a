package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

class BankTrcdTest {
    private static final SimSpec DDR4 = SimPresets.resolve("DDR4", null, null, 2, 2);
    private static final int BANKS = 2 * 2 * 16;

    private static List<String> commands(SimConfig cfg, RequestTrace t, boolean everyCycle) {
        List<String> out = new ArrayList<>();
        DramSimulator sim = new DramSimulator(cfg);
        if (everyCycle) {
            sim.tickEveryCycle();
        }
        SimResult r = sim.run(t, (clk, ch, c, ra, bg, ba, ro, co) -> out.add(clk + " " + ch + " " + c + " " + ra + " " + ba));
        out.add(r.toString());
        return out;
    }

    @Test
    void uniformPerBankTrcdEqualsTheSpecsTrcd() {
        RequestTrace t = RequestTrace.uniformRandom(3000, 1L << 32, 0.2, 3);
        int[] rcd = new int[BANKS];
        Arrays.fill(rcd, DDR4.timings().nRCD());
        for (PagePolicy p : PagePolicy.values()) {
            SimConfig base = SimConfig.of(DDR4, "RoBaRaCoCh").withPagePolicy(p, 1).withDrain(true);
            assertThat(commands(base.withRcdByBank(rcd), t, false)).isEqualTo(commands(base, t, false));
        }
    }

    @Test
    void eachBankWaitsItsOwnTrcdFromActToColumnCommand() {
        int[] rcd = new int[BANKS];
        for (int b = 0; b < BANKS; b++) {
            rcd[b] = 8 + b % 9; // 8..16 cycles
        }
        SimConfig cfg = SimConfig.of(DDR4, "RoBaRaCoCh").withPagePolicy(PagePolicy.CLOSED_AUTO, 1).withDrain(true)
                .withRcdByBank(rcd);
        Map<Integer, Long> lastAct = new HashMap<>();
        Map<Integer, Integer> gaps = new HashMap<>();
        int banksPerChannel = 2 * 16;
        new DramSimulator(cfg).run(RequestTrace.uniformRandom(4000, 1L << 32, 0.3, 9), (clk, ch, c, ra, bg, ba, ro, co) -> {
            int flat = ch * banksPerChannel + ra * 16 + ba;
            if (c == SimCommand.ACT) {
                lastAct.put(flat, clk);
            } else if (c.accessing) {
                long gap = clk - lastAct.get(flat);
                assertThat(gap).as("bank " + flat).isGreaterThanOrEqualTo(rcd[flat]);
                gaps.merge(flat, (int) gap, Math::min);
            }
        });
        // every bank was used, and the shortest ACT-to-column gap of most banks is exactly their own tRCD
        assertThat(gaps).hasSize(BANKS);
        long exact = gaps.entrySet().stream().filter(e -> e.getValue() == rcd[e.getKey()]).count();
        assertThat(exact).isGreaterThan(BANKS * 3 / 4);
    }

    @Test
    void shorterTrcdInSomeBanksSkipsIdleCyclesExactly() {
        int[] rcd = new int[BANKS];
        for (int b = 0; b < BANKS; b++) {
            rcd[b] = b < BANKS / 2 ? 10 : DDR4.timings().nRCD();
        }
        SimConfig cfg = SimConfig.of(DDR4, "MOP4CLXOR").withDrain(true).withRcdByBank(rcd);
        RequestTrace t = RequestTrace.uniformRandom(3000, 1L << 32, 0.2, 4);
        assertThat(commands(cfg, t, false)).isEqualTo(commands(cfg, t, true));
    }

    @Test
    void badPerBankTrcdIsRejected() {
        SimConfig cfg = SimConfig.of(DDR4, "RoBaRaCoCh");
        assertThatThrownBy(() -> cfg.withRcdByBank(new int[3])).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected " + BANKS);
        int[] zero = new int[BANKS];
        assertThatThrownBy(() -> cfg.withRcdByBank(zero)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bank 0");
    }
}
