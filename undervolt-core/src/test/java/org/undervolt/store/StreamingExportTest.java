package org.undervolt.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Exports stream: 100k trials whose export is larger than the exporting JVM's whole heap go through
 * {@code undervolt runs export} in a child JVM limited to {@value #HEAP_MB} MiB.
 */
class StreamingExportTest {
    private static final int TRIALS = 100_000;
    private static final int HEAP_MB = 16;

    @Test
    void hundredThousandTrialsExportThroughASmallHeap(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("big.db");
        String pad = "x".repeat(160);
        long id;
        try (ResultsStore s = ResultsStore.open(db)) {
            id = s.createRun("synthetic", "{}", 1, "{}");
            List<TrialRow> batch = new ArrayList<>();
            for (int i = 0; i < TRIALS; i++) {
                batch.add(new TrialRow(new TrialKey(PointKeys.ber(1e-6 * (1 + i / 1000)), i % 1000),
                        new long[] {i / 1000, i % 1000}, (i % 997) / 997.0, java.util.OptionalLong.of(i),
                        "{\"pad\":\"" + pad + "\"}"));
                if (batch.size() == 10_000) {
                    s.trials().recordAll(id, batch);
                    batch.clear();
                }
            }
            assertThat(s.trials().count(id)).isEqualTo(TRIALS);
        }

        for (String format : new String[] {"json", "csv"}) {
            Path out = tmp.resolve("export." + format);
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"), "org.undervolt.cli.UndervoltCli",
                    "runs", "export", String.valueOf(id), "--as", format, "--store", db.toString(), "--out",
                    out.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve(format + ".log").toFile())
                    .start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(tmp.resolve(format + ".log"))).isZero();
            assertThat(Files.size(out)).as("the export is larger than the heap").isGreaterThan(HEAP_MB << 20);
        }

        long rows;
        try (BufferedReader r = Files.newBufferedReader(tmp.resolve("export.csv"), StandardCharsets.UTF_8)) {
            rows = r.lines().count() - 1;
        }
        assertThat(rows).isEqualTo(TRIALS);

        int trials = 0;
        double sum = 0;
        try (JsonParser jp = new JsonFactory().createParser(tmp.resolve("export.json").toFile())) {
            while (jp.nextToken() != null) {
                if (jp.currentToken() == JsonToken.FIELD_NAME && jp.currentName().equals("accuracy")) {
                    jp.nextToken();
                    sum += jp.getDoubleValue();
                    trials++;
                }
            }
        }
        assertThat(trials).isEqualTo(TRIALS);
        double expected = 0;
        for (int i = 0; i < TRIALS; i++) {
            expected += (i % 997) / 997.0;
        }
        assertThat(sum).isEqualTo(expected);
    }
}
