package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

class LoadStoreTraceReaderTest {
    private static RequestTrace parse(String s) {
        return LoadStoreTraceReader.parse("t.trace", s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsLoadsStoresHexAndDecimal() {
        RequestTrace t = parse("LD 0x40\r\nST 0X1F80\n\n# comment\nld\t128\n");
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.address(0)).isEqualTo(0x40);
        assertThat(t.isWrite(0)).isFalse();
        assertThat(t.address(1)).isEqualTo(0x1f80);
        assertThat(t.isWrite(1)).isTrue();
        assertThat(t.address(2)).isEqualTo(128);
        assertThat(t.line(2)).isEqualTo(5);
        assertThat(t.writeCount()).isEqualTo(1);
    }

    @Test
    void malformedLinesNameFileLineAndField() {
        assertThatThrownBy(() -> parse("LD 0x40\nRD 0x80\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("t.trace:2: field 'operation'");
        assertThatThrownBy(() -> parse("LD\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("t.trace:1: field 'address' missing");
        assertThatThrownBy(() -> parse("LD 0xZZ\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("t.trace:1: field 'address' is '0xZZ'");
        assertThatThrownBy(() -> parse("ST 0x40 7\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("t.trace:1: extra field");
        assertThatThrownBy(() -> parse("LD 0xffffffffffffffff\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("field 'address'");
        assertThatThrownBy(() -> parse("\n# nothing\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no requests");
    }

    /** Canonical lines (the fast path) and other spellings (the general path) mixed, with line numbers kept. */
    @Test
    void canonicalAndOtherLinesMix() {
        RequestTrace t = parse("ST 0x7fffffffffffffff\nLD 0xAbC0\n# c\nST  0x40\nLD 0x40 \nST 0x0\nLD 0x10");
        assertThat(t.size()).isEqualTo(6);
        assertThat(t.address(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(t.isWrite(0)).isTrue();
        assertThat(t.address(1)).isEqualTo(0xabc0);
        assertThat(t.isWrite(1)).isFalse();
        assertThat(t.address(2)).isEqualTo(0x40);
        assertThat(t.line(2)).isEqualTo(4);
        assertThat(t.address(3)).isEqualTo(0x40);
        assertThat(t.line(3)).isEqualTo(5);
        assertThat(t.address(4)).isZero();
        assertThat(t.isWrite(4)).isTrue();
        assertThat(t.line(5)).isEqualTo(7);
        assertThat(t.address(5)).isEqualTo(0x10);
        assertThatThrownBy(() -> parse("LD 0x1\nLD 0x8000000000000000\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("t.trace:2: field 'address'");
        assertThatThrownBy(() -> parse("LD 0x10000000000000000\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("t.trace:1: field 'address'");
        assertThatThrownBy(() -> parse("LD 0x\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("t.trace:1: field 'address'");
        assertThatThrownBy(() -> parse("LD 0x4g\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("t.trace:1: field 'address' is '0x4g'");
    }

    /** Many requests (array growth on both paths) read back exactly as written. */
    @Test
    void roundTripOfARandomTrace() throws Exception {
        RequestTrace t = RequestTrace.uniformRandom(5000, 1L << 40, 0.3, 5);
        java.nio.file.Path f = java.nio.file.Files.createTempFile("lst", ".trace");
        try {
            t.writeLoadStore(f);
            RequestTrace back = LoadStoreTraceReader.read(f);
            assertThat(back.size()).isEqualTo(t.size());
            for (int i = 0; i < t.size(); i++) {
                assertThat(back.address(i)).isEqualTo(t.address(i));
                assertThat(back.isWrite(i)).isEqualTo(t.isWrite(i));
            }
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }

    @Test
    void outOfRangeAddressNamesLine() {
        SimSpec spec = SimPresets.resolve("DDR3", null, null, 1, 1);
        RequestTrace t = parse("LD 0x0\n\nST 0x100000000\n");
        assertThatThrownBy(() -> new DramSimulator(SimConfig.of(spec, "RoBaRaCoCh")).run(t, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("t.trace:3: field 'address' 0x100000000 is out of range");
    }
}
