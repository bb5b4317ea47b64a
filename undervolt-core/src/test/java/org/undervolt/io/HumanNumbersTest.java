package org.undervolt.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Numbers and maps in human text: four significant digits, key=value pairs without Java's braces. */
class HumanNumbersTest {

    @Test
    void numbersKeepFourSignificantDigits() {
        assertThat(HumanNumbers.text(1.6916400000000002E-7)).isEqualTo("1.692e-7");
        assertThat(HumanNumbers.text(0.99250001)).isEqualTo("0.9925");
        assertThat(HumanNumbers.text(1.35)).isEqualTo("1.35");
        assertThat(HumanNumbers.text(42)).isEqualTo("42");
        // below 1e-3 and from 1e7 on: scientific, never a run of zeros
        assertThat(HumanNumbers.text(8.106e-6)).isEqualTo("8.106e-6");
        assertThat(HumanNumbers.text(9.99949e-4)).isEqualTo("9.999e-4");
        assertThat(HumanNumbers.text(1e-3)).isEqualTo("0.001");
        assertThat(HumanNumbers.text(-2.5e-9)).isEqualTo("-2.5e-9");
        assertThat(HumanNumbers.text(1.5e7)).isEqualTo("1.5e7");
        assertThat(HumanNumbers.text(123456789.0)).isEqualTo("1.235e8");
        assertThat(HumanNumbers.text(0.0)).isEqualTo("0");
    }

    @Test
    void mapsArePairsInTheirOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pw", 0.048828125);
        m.put("n", 3);
        assertThat(HumanNumbers.pairs(m)).isEqualTo("pw=0.04883, n=3");
        assertThat(HumanNumbers.pairs(new TreeMap<>(m))).isEqualTo("n=3, pw=0.04883");
        assertThat(HumanNumbers.pairs(Map.of())).isEqualTo("-");
    }
}
