package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.io.JsonPins;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code operating-point --json} to the byte: a refactoring of how the object is built cannot change it. */
class OperatingPointJsonTest {

    @Test
    void jsonObjectIsPinned() throws Exception {
        CliRun r = CliRun.of("operating-point", "--tolerable-ber", "1e-4", "--devices", "voltron-B", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> j = new ObjectMapper().readValue(r.out(), LinkedHashMap.class);
        assertThat(j).containsKeys("tolerable_ber", "devices", "summary", "combined");
        JsonPins.assertPinned("operating-point", j);
    }
}
