package org.undervolt.dram.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Command traces are streamed: memory does not grow with the trace (issue 21). */
class TraceStreamingTest {
    private static final DramSpec DDR4 = DramPresets.get("DDR4-2400_4Gb_x8");

    /**
     * A 10,000,000-line DRAMPower 4 trace, generated on the fly into the standard input of a child JVM with a
     * 64 MiB heap, through {@code undervolt dram energy} (timing check on). Held, the commands alone would take
     * 220 MB ({@link CommandTrace}: 22 bytes each), so this passes only if the trace is streamed.
     */
    @Test
    void tenMillionLinesInA64MiBHeap() throws Exception {
        long groups = 2_500_000; // ACT, RD, WR, PRE each: 10M lines
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.undervolt.cli.UndervoltCli", "dram", "energy", "--part", "DDR4-2400_4Gb_x8",
                "--trace", "/dev/stdin", "--json"));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread writer = new Thread(() -> {
            try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
                write(out, groups);
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
        for (String c : new String[] {"ACT", "RD", "WR", "PRE"}) {
            assertThat(r.path("commands").path(c).asLong()).as(c).isEqualTo(groups);
        }
        // the same trace, shorter, held in memory gives the same counts per command and the same cycles per group
        CommandTrace small = TraceReader.read("small", new StringReader(text(1000)), DDR4.organization(), null);
        assertThat(small.counts().get(Command.ACT)).isEqualTo(1000L);
        long perGroup = 80;
        // END one cycle after the last PRE: DRAMPower 4.1's window adds that stretch again less one cycle, nothing
        assertThat(r.path("cycles").path("total").asLong()).isEqualTo((groups - 1) * perGroup + 60 + 1);
    }

    /** Group g at cycle 80g: ACT, RD (+20), WR (+40), PRE (+60) to bank g mod 16; END 1 cycle after the last PRE. */
    private static void write(OutputStream out, long groups) throws IOException {
        byte[] line = new byte[40];
        long t = 0;
        for (long g = 0; g < groups; g++, t += 80) {
            int bank = (int) (g & 15);
            out.write(line, 0, format(line, t, "ACT", bank));
            out.write(line, 0, format(line, t + 20, "RD", bank));
            out.write(line, 0, format(line, t + 40, "WR", bank));
            out.write(line, 0, format(line, t + 60, "PRE", bank));
        }
        out.write(line, 0, format(line, t - 80 + 61, "END", 0));
    }

    private static String text(long groups) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        write(b, groups);
        return b.toString(StandardCharsets.US_ASCII);
    }

    /** "t,CMD,bank\n" into {@code b}; returns its length. */
    private static int format(byte[] b, long t, String cmd, int bank) {
        String s = t + "," + cmd + "," + bank + "\n";
        for (int i = 0; i < s.length(); i++) {
            b[i] = (byte) s.charAt(i);
        }
        return s.length();
    }

    /** Lines that cross the reader's buffer, with every line ending, read the same as a held trace. */
    @Test
    void linesAcrossBufferBoundariesAndEveryLineEnding() throws IOException {
        StringBuilder sb = new StringBuilder();
        String[] ends = {"\n", "\r\n", "\r"};
        long t = 0;
        int n = 0;
        while (sb.length() < 300_000) {
            sb.append(t).append(",ACT,").append(n % 16).append(ends[n % 3]);
            sb.append(t + 20).append(",PRE,").append(n % 16).append(ends[(n + 1) % 3]);
            if (n % 1000 == 0) {
                sb.append("# comment ").append("x".repeat(n % 70_000)).append('\n').append('\n');
            }
            t += 80;
            n++;
        }
        sb.append(t).append(",END,0");
        CommandCounts counts = new CommandCounts();
        long[] last = {-1};
        TraceReader.stream("t", new StringReader(sb.toString()), DDR4.organization(), null,
                CommandSink.tee(counts, (cycle, cmd, rank, bank, slow, line) -> last[0] = cycle));
        assertThat(counts.counts().get(Command.ACT)).isEqualTo(n);
        assertThat(counts.counts().get(Command.PRE)).isEqualTo(n);
        assertThat(last[0]).isEqualTo(t);
    }
}
