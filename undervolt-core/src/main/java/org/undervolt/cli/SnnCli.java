package org.undervolt.cli;

import org.undervolt.InvalidInputException;

/** Option checks shared by the {@code snn} commands. */
final class SnnCli {
    private SnnCli() {
    }

    static int threads(Integer value) {
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (value < 1) {
            throw new InvalidInputException("--threads " + value + ": expected a positive count");
        }
        return value;
    }
}
