package org.undervolt.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;

class TolerancesTest {
    @Test
    void flatMapResolvesItemThenKindThenDefault(@TempDir Path d) throws Exception {
        Path f = d.resolve("t.json");
        Files.writeString(f, "{\"conv1.weights\": 1e-3, \"ifm\": 1e-6, \"default\": 1e-5}");
        Tolerances t = Tolerances.load(f);
        assertThat(t.of("conv1.weights")).isEqualTo(1e-3);
        assertThat(t.of("fc1.weights")).isEqualTo(1e-5);
        assertThat(t.of("fc1.ifm")).isEqualTo(1e-6);
        assertThat(t.of("output")).isZero();
    }

    @Test
    void readsToleranceRunResults(@TempDir Path d) throws Exception {
        Path f = d.resolve("tolerance.json");
        Files.writeString(f, "{\"coarse\": {\"tolerable_ber\": 2e-4}, \"setup\": {\"data\": [\"weights\"]}}");
        Tolerances t = Tolerances.load(f);
        assertThat(t.of("fc1.weights")).isEqualTo(2e-4);
        assertThat(t.of("fc1.ifm")).isZero();
        Files.writeString(f, "{\"coarse\": {\"tolerable_ber\": 2e-4}, \"combination\": {\"bers\": "
                + "{\"conv1.weights\": 1e-3, \"conv1.ifm\": 3e-6}}}");
        t = Tolerances.load(f);
        assertThat(t.of("conv1.ifm")).isEqualTo(3e-6);
        assertThatThrownBy(() -> Tolerances.load(f).of("fc1.weights")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fc1.weights");
    }
}
