package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Pins the exact command stream and statistics of the scheduler on a spread of configurations (standards,
 * ranks, channels, mappings, page policies, queue sizes, per-bank tRCD) and traces. The expected hashes were
 * computed with the scheduler as it stood before its data structures were reworked for speed (commit 5c1605f:
 * a per-decision scan of every bank); any change to what is issued, when, or how it is counted changes a hash.
 */
class CommandStreamPinTest {

    /** FNV-1a style 64-bit hash over every command (all fields) and every statistic of the result. */
    static long hash(DramSimulator sim, RequestTrace t) {
        long[] h = {0xcbf29ce484222325L};
        SimResult r = sim.run(t, (clk, ch, c, ra, bg, ba, ro, co) -> {
            h[0] = mix(h[0], clk);
            h[0] = mix(h[0], ch);
            h[0] = mix(h[0], c.ordinal());
            h[0] = mix(h[0], ra);
            h[0] = mix(h[0], bg);
            h[0] = mix(h[0], ba);
            h[0] = mix(h[0], ro);
            h[0] = mix(h[0], co);
        });
        long x = h[0];
        for (long v : new long[] {r.cycles(), r.drainCycles(), r.reads(), r.writes(), r.readHits(), r.readMisses(),
                r.readConflicts(), r.writeHits(), r.writeMisses(), r.writeConflicts(), r.readLatencySum(),
                r.readsCompleted(), r.readsForwarded(), r.frontendAttempts()}) {
            x = mix(x, v);
        }
        for (SimCommand k : SimCommand.ALL) {
            x = mix(x, r.commands().get(k));
        }
        return x;
    }

    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h ^= (v >>> (8 * i)) & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    static Map<String, SimConfig> configs() {
        SimSpec ddr3 = SimPresets.resolve("DDR3", null, null, 1, 1);
        SimSpec ddr4 = SimPresets.resolve("DDR4", null, null, 1, 1);
        Map<String, SimConfig> m = new LinkedHashMap<>();
        m.put("ddr3-open", SimConfig.of(ddr3, "RoBaRaCoCh"));
        m.put("ddr4-open", SimConfig.of(ddr4, "RoBaRaCoCh"));
        m.put("ddr4-2ch2ra-closed4", SimConfig.of(SimPresets.resolve("DDR4", null, null, 2, 2), "MOP4CLXOR")
                .withPagePolicy(PagePolicy.CLOSED, 4));
        m.put("ddr4-x16-3200-drmap-drain", SimConfig.of(SimPresets.resolve("DDR4", "DDR4_4Gb_x16", "DDR4_3200AA", 1, 2),
                "DRMap").withDrain(true));
        m.put("ddr3-2ra-chrabaroco-auto", SimConfig.of(SimPresets.resolve("DDR3", null, null, 1, 2), "ChRaBaRoCo")
                .withPagePolicy(PagePolicy.CLOSED_AUTO, 1).withDrain(true));
        m.put("ddr4-queue4-closed1", new SimConfig(ddr4, "RoBaRaCoCh", PagePolicy.CLOSED, 1, 4, true));
        int[] rcd = new int[ddr4.organization().banks()];
        for (int b = 0; b < rcd.length; b++) {
            rcd[b] = 6 + 3 * (b % 4);
        }
        m.put("ddr4-rcd-by-bank", SimConfig.of(ddr4, "RoBaRaCoCh").withRcdByBank(rcd).withDrain(true));
        m.put("lpddr3-open", SimConfig.of(SimPresets.resolve("LPDDR3", null, null, 1, 1), "RoBaRaCoCh").withDrain(true));
        return m;
    }

    static Map<String, RequestTrace> traces() {
        Map<String, RequestTrace> m = new LinkedHashMap<>();
        m.put("rand", RequestTrace.uniformRandom(6000, 1L << 30, 0.2, 7));
        m.put("rand50", RequestTrace.uniformRandom(4000, 1L << 30, 0.5, 8));
        m.put("hot", DramSimulatorTest.hotspot(6000, 9));
        m.put("seq", DramSimulatorTest.sequential(4000));
        m.put("repeat", repeats(4000, 10));
        return m;
    }

    /** Reads and writes to a few hundred lines, many repeated: forwarding and write-mode switches. */
    static RequestTrace repeats(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] a = new long[n];
        boolean[] w = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextLong(300) * 64 * (1 + rnd.nextInt(3)) * 4099 % (1L << 30) / 64 * 64;
            w[i] = rnd.nextDouble() < 0.45;
        }
        return new RequestTrace("repeats", a, w, null);
    }

    /** The trace with every address wrapped below {@code capacity}. */
    static RequestTrace within(RequestTrace t, long capacity) {
        long[] a = new long[t.size()];
        boolean[] w = new boolean[t.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = t.address(i) % capacity;
            w[i] = t.isWrite(i);
        }
        return new RequestTrace(t.source(), a, w, null);
    }

    /** Hashes computed with the pre-rework scheduler; keys are config/trace. */
    private static final Map<String, Long> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("ddr3-open/rand", 0xd78732876b3c4138L);
        EXPECTED.put("ddr3-open/rand50", 0x49c0f357fcc867f8L);
        EXPECTED.put("ddr3-open/hot", 0xb4d479741774df7eL);
        EXPECTED.put("ddr3-open/seq", 0xeaacebf64add9c6fL);
        EXPECTED.put("ddr3-open/repeat", 0xe19429266bf69a47L);
        EXPECTED.put("ddr4-open/rand", 0x18381750657a3d52L);
        EXPECTED.put("ddr4-open/rand50", 0x51627def68b7c780L);
        EXPECTED.put("ddr4-open/hot", 0xcb29c8556f9f0f48L);
        EXPECTED.put("ddr4-open/seq", 0x9cee3e6fcc1b138fL);
        EXPECTED.put("ddr4-open/repeat", 0x3cf0b1cfb461f712L);
        EXPECTED.put("ddr4-2ch2ra-closed4/rand", 0x96af2453eac828cfL);
        EXPECTED.put("ddr4-2ch2ra-closed4/rand50", 0xd0ebbb12ba5f09cL);
        EXPECTED.put("ddr4-2ch2ra-closed4/hot", 0x1deae6e968a00f17L);
        EXPECTED.put("ddr4-2ch2ra-closed4/seq", 0xa61fc3a2cf4e90ceL);
        EXPECTED.put("ddr4-2ch2ra-closed4/repeat", 0xd76cd534a07741aeL);
        EXPECTED.put("ddr4-x16-3200-drmap-drain/rand", 0xd048ca780c28f80eL);
        EXPECTED.put("ddr4-x16-3200-drmap-drain/rand50", 0x13f57baebec5986eL);
        EXPECTED.put("ddr4-x16-3200-drmap-drain/hot", 0xcb230743afb12dccL);
        EXPECTED.put("ddr4-x16-3200-drmap-drain/seq", 0xfeaf5ad3bc774a6L);
        EXPECTED.put("ddr4-x16-3200-drmap-drain/repeat", 0x2889b858158eaa53L);
        EXPECTED.put("ddr3-2ra-chrabaroco-auto/rand", 0xf2f287d1ac0af1ecL);
        EXPECTED.put("ddr3-2ra-chrabaroco-auto/rand50", 0x3f00550bcedb8949L);
        EXPECTED.put("ddr3-2ra-chrabaroco-auto/hot", 0xaaf66631067ebbfaL);
        EXPECTED.put("ddr3-2ra-chrabaroco-auto/seq", 0xb342713a1157b98eL);
        EXPECTED.put("ddr3-2ra-chrabaroco-auto/repeat", 0x628728bffaa3b7beL);
        EXPECTED.put("ddr4-queue4-closed1/rand", 0xaa7e803b7d2ae90fL);
        EXPECTED.put("ddr4-queue4-closed1/rand50", 0x33a5a3ff347d0c7eL);
        EXPECTED.put("ddr4-queue4-closed1/hot", 0x1b1f5d57888e61e6L);
        EXPECTED.put("ddr4-queue4-closed1/seq", 0x923af70067bab00L);
        EXPECTED.put("ddr4-queue4-closed1/repeat", 0x6594ed6df6d252d3L);
        EXPECTED.put("ddr4-rcd-by-bank/rand", 0xb056c5362113256dL);
        EXPECTED.put("ddr4-rcd-by-bank/rand50", 0x1e4c4359533be5deL);
        EXPECTED.put("ddr4-rcd-by-bank/hot", 0xb37be520994154bdL);
        EXPECTED.put("ddr4-rcd-by-bank/seq", 0x6df5c9900275503cL);
        EXPECTED.put("ddr4-rcd-by-bank/repeat", 0x9050c098ecbc1d80L);
        EXPECTED.put("lpddr3-open/rand", 0x7db1698e2b244c35L);
        EXPECTED.put("lpddr3-open/rand50", 0x879b99cd931cae68L);
        EXPECTED.put("lpddr3-open/hot", 0x596c644e10adab7dL);
        EXPECTED.put("lpddr3-open/seq", 0xbd550eafe816dc55L);
        EXPECTED.put("lpddr3-open/repeat", 0x5afae3b016c94b5fL);
    }

    /** With the default pick, the scalar reference pick and the vector-lane pick. */
    @Test
    void commandStreamsAreThoseOfThePreReworkScheduler() {
        Map<String, Long> actual = new LinkedHashMap<>();
        Map<String, Long> scalar = new LinkedHashMap<>();
        Map<String, Long> vector = new LinkedHashMap<>();
        configs().forEach((cn, cfg) -> traces().forEach((tn, t) -> {
            RequestTrace fitted = within(t, cfg.spec().organization().capacityBytes());
            actual.put(cn + "/" + tn, hash(new DramSimulator(cfg), fitted));
            scalar.put(cn + "/" + tn, hash(new DramSimulator(cfg).scalarPick(), fitted));
            vector.put(cn + "/" + tn, hash(new DramSimulator(cfg).vectorPick(), fitted));
        }));
        assertThat(scalar).isEqualTo(EXPECTED);
        assertThat(vector).isEqualTo(EXPECTED);
        assertThat(actual).isEqualTo(EXPECTED);
    }
}
