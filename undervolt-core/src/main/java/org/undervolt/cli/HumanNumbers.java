package org.undervolt.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** The commands' short name for {@link org.undervolt.io.HumanNumbers}: numbers as a person reads them in text output. */
final class HumanNumbers {
    private HumanNumbers() {
    }

    static String text(Object v) {
        return org.undervolt.io.HumanNumbers.text(v);
    }

    static String pairs(java.util.Map<?, ?> m) {
        return org.undervolt.io.HumanNumbers.pairs(m);
    }

    static String text(JsonNode v) {
        return org.undervolt.io.HumanNumbers.text(v);
    }
}
