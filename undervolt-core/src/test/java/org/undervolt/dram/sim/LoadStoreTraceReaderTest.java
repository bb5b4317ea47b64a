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

    @Test
    void outOfRangeAddressNamesLine() {
        SimSpec spec = SimPresets.resolve("DDR3", null, null, 1, 1);
        RequestTrace t = parse("LD 0x0\n\nST 0x100000000\n");
        assertThatThrownBy(() -> new DramSimulator(SimConfig.of(spec, "RoBaRaCoCh")).run(t, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("t.trace:3: field 'address' 0x100000000 is out of range");
    }
}
