package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;

class ErrorBitmapFileTest {
    private static final String HEADER = "undervolt-bitmap 1\npattern 0xAA\nvdd 1.1\ntrcd 10\nbanks 2\nsubarrays 2\nrows 4\nrow-bytes 2\n";

    private static ErrorBitmap parse(String text) throws Exception {
        return ErrorBitmapFile.parse(new BufferedReader(new StringReader(text)), "t.bitmap");
    }

    @Test
    void parsesCellsInAnyOrderAndRoundTrips() throws Exception {
        ErrorBitmap b = parse(HEADER + "# comment\nfail 1 1 3 15\n\nfail 0 0 0 0\nfail 0 1 2 9\n");
        assertThat(b.pattern()).isEqualTo(0xAA);
        assertThat(b.cells()).isEqualTo(2 * 2 * 4 * 16);
        // (0,1,2,9): ((0*2+1)*4+2)*16+9 = 105; (1,1,3,15): ((1*2+1)*4+3)*16+15 = 255.
        assertThat(b.failed()).containsExactly(0, 105, 255);
        assertThat(b.storedBit(105)).isEqualTo(1); // bit column 9 is bit 1 of its byte: 0xAA has it set
        assertThat(b.storedBit(0)).isEqualTo(0);
        StringWriter out = new StringWriter();
        ErrorBitmapFile.write(b, out);
        assertThat(parse(out.toString())).isEqualTo(b);
    }

    @Test
    void aFileIsWrittenAllOrNothingWithTheSameText(@TempDir Path dir) throws Exception {
        ErrorBitmap b = parse(HEADER + "fail 1 1 3 15\nfail 0 1 2 9\n");
        Path file = dir.resolve("w.bitmap");
        ErrorBitmapFile.write(b, file);
        StringWriter text = new StringWriter();
        ErrorBitmapFile.write(b, text);
        assertThat(Files.readString(file)).isEqualTo(text.toString());
        assertThat(ErrorBitmapFile.read(file)).isEqualTo(b);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file); // no temporary file left
        }
    }

    @Test
    void badFilesGetOneLineNamingFileAndLine() {
        String[][] cases = {
                {"undervolt-bitmap 2\n", "t.bitmap:1: expected first line"},
                {HEADER + "fail 0 0 4 0\n", "t.bitmap:9: row 4 outside [0, 4)"},
                {HEADER + "fail 0 0 0\n", "t.bitmap:9: expected 'fail BANK SUBARRAY ROW BIT'"},
                {HEADER + "fail 0 0 0 1\nfail 0 0 0 1\n", "listed twice"},
                {HEADER + "volts 3\n", "t.bitmap:9: unknown item 'volts'"},
                {HEADER.replace("rows 4\n", "") + "fail 0 0 0 0\n", "t.bitmap:8: missing 'rows'"},
                {HEADER.replace("0xAA", "0x1FF"), "pattern 0x1FF; expected one byte"},
                {HEADER.replace("vdd 1.1", "vdd -1"), "vdd '-1'; expected a non-negative number"},
                {HEADER.replace("banks 2", "banks two"), "banks 'two'; expected an integer"},
                {HEADER + "fail 0 0 0 1\nrows 5\n", "given twice or after the first 'fail' line"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> parse(c[0])).as(c[1]).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(c[1]).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}
