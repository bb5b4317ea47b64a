package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DramSimulatorTest {
    private static final SimSpec DDR4 = SimPresets.resolve("DDR4", null, null, 1, 1);

    private static RequestTrace trace(long[] a, boolean[] w) {
        return new RequestTrace("test", a, w, null);
    }

    private static SimResult drained(SimSpec spec, RequestTrace t) {
        return new DramSimulator(SimConfig.of(spec, "RoBaRaCoCh").withDrain(true)).run(t, null);
    }

    @Test
    void singleReadTakesRcdPlusClPlusBurst() {
        // offered at cycle 0, ACT at 1, RD at 1 + tRCD = 17, data at 17 + CL + BL/2 = 37
        SimResult r = drained(DDR4, trace(new long[] {0}, new boolean[] {false}));
        assertThat(r.avgReadLatencyCycles()).isEqualTo(37.0);
        assertThat(r.rowMisses()).isEqualTo(1);
        assertThat(r.count(SimCommand.ACT)).isEqualTo(1);
        assertThat(r.count(SimCommand.RD)).isEqualTo(1);
        assertThat(r.cycles()).isZero(); // Ramulator counts cycles until the last request is accepted
        assertThat(r.drainCycles()).isEqualTo(37);
    }

    @Test
    void secondReadToTheOpenRowIsAHitCcdLLater() {
        // same bank, same row: RD at 17 and 17 + tCCD_L = 23; latencies 37 and 23 + 20 - 1 = 42
        SimResult r = drained(DDR4, trace(new long[] {0, 64}, new boolean[] {false, false}));
        assertThat(r.rowHits()).isEqualTo(1);
        assertThat(r.rowMisses()).isEqualTo(1);
        assertThat(r.readLatencySum()).isEqualTo(37 + 42);
    }

    @Test
    void readToAnotherRowOfTheBankIsAConflictBoundByRasAndRp() {
        // row 0 then row 1 of bank 0: PRE waits for tRAS after the ACT at 1 (40), ACT at 40 + tRP = 56
        // (tRC from the first ACT also allows 56), RD at 72, data at 92: latency 92 - 1 = 91
        SimResult r = drained(DDR4, trace(new long[] {0, 1L << 17}, new boolean[] {false, false}));
        assertThat(r.rowConflicts()).isEqualTo(1);
        assertThat(r.readLatencySum()).isEqualTo(37 + 91);
        assertThat(r.count(SimCommand.PRE)).isEqualTo(1);
        assertThat(r.count(SimCommand.ACT)).isEqualTo(2);
    }

    @Test
    void readAfterQueuedWriteToSameAddressIsForwarded() {
        // the first write's row is being opened, so the second (another row, same bank) waits in the write queue
        // when the read of its address arrives
        long other = 1L << 17;
        SimResult r = drained(DDR4, trace(new long[] {0, other, other}, new boolean[] {true, true, false}));
        assertThat(r.readsForwarded()).isEqualTo(1);
        assertThat(r.count(SimCommand.RD)).isZero();
        assertThat(r.count(SimCommand.WR)).isEqualTo(2);
        assertThat(r.readLatencySum()).isZero();
    }

    @Test
    void closedPageTurnsSequentialHitsIntoMisses() {
        RequestTrace seq = sequential(2000);
        SimResult open = drained(DDR4, seq);
        SimResult closed = new DramSimulator(SimConfig.of(DDR4, "RoBaRaCoCh").withPagePolicy(PagePolicy.CLOSED, 1)
                .withDrain(true)).run(seq, null);
        assertThat(open.rowHits()).isGreaterThan(1900);
        assertThat(closed.rowHits()).isLessThan(open.rowHits() / 4);
        assertThat(closed.count(SimCommand.PRE)).isGreaterThan(closed.count(SimCommand.RD) / 2);
        assertThat(closed.count(SimCommand.RD) + closed.count(SimCommand.WR)).isEqualTo(2000);
    }

    @Test
    void drainServesEveryRequest() {
        RequestTrace t = RequestTrace.uniformRandom(3000, 1L << 31, 0.3, 5);
        SimResult r = drained(DDR4, t);
        assertThat(r.count(SimCommand.RD)).isEqualTo(r.reads() - r.readsForwarded());
        assertThat(r.count(SimCommand.WR)).isEqualTo(r.writes());
        assertThat(r.readsCompleted()).isEqualTo(r.reads());
        assertThat(r.rowHits() + r.rowMisses() + r.rowConflicts()).isEqualTo(r.reads() + r.writes() - r.readsForwarded());
        assertThat(r.drainCycles()).isGreaterThan(r.cycles());
    }

    @Test
    void refreshEveryRefi() {
        // an idle-ish trace spread so the run lasts several tREFI: one request per 2 KiB, sequential
        SimResult r = drained(DDR4, sequential(40_000));
        long refs = r.count(SimCommand.REF);
        assertThat(refs).isEqualTo(r.drainCycles() / DDR4.timings().nREFI());
    }

    /** Event skipping must not change anything: same results and the same command stream as ticking every cycle. */
    @Test
    void skippingIdleCyclesChangesNothing() {
        List<SimConfig> configs = List.of(
                SimConfig.of(DDR4, "RoBaRaCoCh"),
                SimConfig.of(SimPresets.resolve("DDR3", null, null, 1, 1), "ChRaBaRoCo").withDrain(true),
                SimConfig.of(SimPresets.resolve("DDR4", null, null, 2, 2), "MOP4CLXOR").withPagePolicy(PagePolicy.CLOSED, 4),
                SimConfig.of(SimPresets.resolve("DDR4", "DDR4_4Gb_x16", "DDR4_3200AA", 1, 2), "DRMap").withDrain(true));
        RequestTrace[] traces = {RequestTrace.uniformRandom(4000, 1L << 31, 0.2, 1), hotspot(4000, 2), sequential(3000)};
        for (SimConfig cfg : configs) {
            for (RequestTrace t : traces) {
                List<String> fast = new ArrayList<>();
                List<String> slow = new ArrayList<>();
                SimResult a = new DramSimulator(cfg).run(t, (clk, ch, c, ra, bg, ba, ro, co) ->
                        fast.add(clk + " " + ch + " " + c + " " + ra + " " + ba + " " + ro + " " + co));
                SimResult b = new DramSimulator(cfg).tickEveryCycle().run(t, (clk, ch, c, ra, bg, ba, ro, co) ->
                        slow.add(clk + " " + ch + " " + c + " " + ra + " " + ba + " " + ro + " " + co));
                assertThat(a).isEqualTo(b);
                assertThat(fast).isEqualTo(slow);
            }
        }
    }

    static RequestTrace sequential(int n) {
        long[] a = new long[n];
        boolean[] w = new boolean[n];
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < n; i++) {
            a[i] = 64L * i;
            w[i] = rnd.nextDouble() < 0.2;
        }
        return new RequestTrace("seq", a, w, null);
    }

    /** 90 % of requests in 16 hot 8 KiB regions, 30 % writes (like the golden README's hotspot trace). */
    static RequestTrace hotspot(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] hot = new long[16];
        for (int i = 0; i < hot.length; i++) {
            hot[i] = rnd.nextLong((1L << 31) / 8192) * 8192;
        }
        long[] a = new long[n];
        boolean[] w = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextDouble() < 0.9 ? hot[rnd.nextInt(16)] + rnd.nextInt(128) * 64L : rnd.nextLong((1L << 31) / 64) * 64;
            w[i] = rnd.nextDouble() < 0.3;
        }
        return new RequestTrace("hotspot", a, w, null);
    }
}
