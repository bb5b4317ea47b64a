package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.spec.Organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Request traces are streamed through the simulator: memory follows the requests in flight, not the trace (issue 21). */
class RequestStreamingTest {
    private static final SimSpec DDR4 = SimPresets.resolve("DDR4", null, null, 1, 1);

    /**
     * 500,000 random requests, generated on the fly into the standard input of a child JVM with a 16 MiB heap, through
     * {@code undervolt dram simulate}. Held and decoded, they would take 30 MB (9 bytes read, 42 decoded per request),
     * so this passes only if requests are streamed; the result equals an in-process run of the same requests.
     */
    @Test
    void halfAMillionRequestsInA16MiBHeapGiveTheHeldResult() throws Exception {
        int n = 500_000;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-XX:+UseSerialGC", "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), "org.undervolt.cli.UndervoltCli", "dram", "simulate",
                "--standard", "DDR4", "--requests", "/dev/stdin", "--json"));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread writer = new Thread(() -> {
            try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
                generated(n).writeTo(out);
            } catch (IOException e) {
                // the child stopped reading: its exit code and output tell why
            }
        });
        writer.start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        writer.join();
        assertThat(p.exitValue()).as(new String(stdout, StandardCharsets.UTF_8)).isZero();
        JsonNode r = new ObjectMapper().readTree(stdout);

        SimResult held = new DramSimulator(SimConfig.of(DDR4, "RoBaRaCoCh")).run(generated(n).trace(), null);
        assertThat(r.path("requests").asLong()).isEqualTo(n);
        assertThat(r.path("cycles").asLong()).isEqualTo(held.cycles());
        assertThat(r.path("row_hits").asLong()).isEqualTo(held.rowHits());
        assertThat(r.path("row_misses").asLong()).isEqualTo(held.rowMisses());
        assertThat(r.path("row_conflicts").asLong()).isEqualTo(held.rowConflicts());
        assertThat(r.path("reads_forwarded").asLong()).isEqualTo(held.readsForwarded());
        assertThat(r.path("avg_read_latency_cycles").asDouble()).isEqualTo(held.avgReadLatencyCycles());
    }

    /** Seeded random LD/ST lines to 64-byte lines of the first 8 GiB. */
    private record Generated(int n) {
        void writeTo(OutputStream out) throws IOException {
            SplittableRandom rnd = new SplittableRandom(7);
            for (int i = 0; i < n; i++) {
                boolean w = rnd.nextBoolean();
                long a = rnd.nextLong(1L << 27) * 64;
                out.write(((w ? "ST 0x" : "LD 0x") + Long.toHexString(a) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }

        RequestTrace trace() {
            SplittableRandom rnd = new SplittableRandom(7);
            long[] a = new long[n];
            boolean[] w = new boolean[n];
            for (int i = 0; i < n; i++) {
                w[i] = rnd.nextBoolean();
                a[i] = rnd.nextLong(1L << 27) * 64;
            }
            return new RequestTrace("generated", a, w, null);
        }
    }

    private static Generated generated(int n) {
        return new Generated(n);
    }

    /** A run that switches its pick to vector lanes part-way (as long runs do) issues exactly what the scalar pick does. */
    @Test
    void switchingToLanesMidRunChangesNothing() {
        RequestTrace t = generated(30_000).trace();
        SimConfig cfg = SimConfig.of(DDR4, "RoBaRaCoCh");
        SimResult scalar = new DramSimulator(cfg).scalarPick().run(t, null);
        SimResult switched = new DramSimulator(cfg).lanesAfter(10_000).run(t, null);
        assertThat(switched).isEqualTo(scalar);
        assertThat(new DramSimulator(cfg).vectorPick().run(t, null)).isEqualTo(scalar);
    }

    /**
     * The window of requests in flight reuses slots; a slot still taken when its next id arrives (a request waiting
     * longer than the window) doubles the window, keeping every live request where its id says.
     */
    @Test
    void windowReusesSlotsAndGrowsAroundALongWaitingRequest() {
        Organization org = DDR4.organization();
        DecodedRequests q = new DecodedRequests(RequestMappings.of("RoBaRaCoCh", DDR4.organization()));
        int slots = q.slots();
        Row rows = new Row();
        for (int id = 0; id < 10 * slots; id++) {
            q.add(id, rows.at(id, id % 2 == 0));
            if (id != 5) {
                q.release(id);
            }
            if (id == 5 + slots - 1) {
                assertThat(q.slots()).as("no collision yet").isEqualTo(slots);
            }
            if (id == 5 + slots + 100) {
                // request 5 waited while id 5 + slots arrived: the window doubled around it
                assertThat(q.slots()).isEqualTo(2 * slots);
                assertThat(q.row(5)).isEqualTo(5);
                assertThat(q.write(5)).isFalse();
                assertThat(q.bankFlat(5)).isLessThan(org.banks());
                q.release(5);
            }
        }
        assertThat(q.slots()).as("nothing waits longer any more").isEqualTo(2 * slots);
        int last = 10 * slots - 1;
        assertThat(q.row(last)).isEqualTo(last);
    }

    /** A stream of one request whose row is {@code id} (RoBaRaCoCh: the row is the top field). */
    private static final class Row implements RequestStream {
        private long address;
        private boolean write;

        Row at(int id, boolean w) {
            address = (long) id << 17;
            write = w;
            return this;
        }

        @Override
        public boolean next() {
            return true;
        }

        @Override
        public long address() {
            return address;
        }

        @Override
        public boolean isWrite() {
            return write;
        }

        @Override
        public int line() {
            return 1;
        }

        @Override
        public String source() {
            return "rows";
        }
    }
}
