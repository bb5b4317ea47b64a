package org.undervolt.dram.sim;

import java.util.Locale;

import org.undervolt.InvalidInputException;

/**
 * Row-buffer management. OPEN leaves a row open until a request to another row (or refresh) closes it.
 * CLOSED precharges a bank once it has served {@code cap} column accesses since its last activation (cap 1 is
 * the classic closed-page policy), by a precharge request queued at high priority, as Ramulator 2's
 * ClosedRowPolicy does.
 */
public enum PagePolicy {
    OPEN, CLOSED;

    /** "open" or "closed" (also Ramulator's OpenRowPolicy / ClosedRowPolicy). */
    public static PagePolicy parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "open", "openrowpolicy" -> OPEN;
            case "closed", "close", "closedrowpolicy" -> CLOSED;
            default -> throw new InvalidInputException("--page-policy: unknown policy '" + s + "', expected open or closed");
        };
    }
}
