package org.undervolt.dram.sim;

import java.util.Locale;

import org.undervolt.InvalidInputException;

/**
 * Row-buffer management. OPEN leaves a row open until a request to another row (or refresh) closes it.
 * CLOSED precharges a bank once it has served {@code cap} column accesses since its last activation (cap 1 is
 * the classic closed-page policy), by a precharge request queued at high priority, as Ramulator 2's
 * ClosedRowPolicy does. That precharge waits at the head of the priority queue for tRAS and blocks every other
 * bank's ACT meanwhile (Ramulator 2.0a's controller serves the priority queue before the read/write queues and
 * stalls while its head is not ready), so with CLOSED fewer ACTs fit in the tRCD before the first column
 * access when tRCD shrinks, and a shorter tRCD can cost cycles (a step each time floor((tRCD - 1) / tRRD)
 * drops). CLOSED_AUTO is the closed page of a controller with auto-precharge: every column access is a RDA or
 * WRA (JESD79-3/-4: the bank precharges itself once tRAS and tRTP / write recovery allow, with no command and
 * no queue slot), unless an activated request waits on that row; there a shorter tRCD never costs cycles on
 * the traces the tests check.
 */
public enum PagePolicy {
    OPEN, CLOSED, CLOSED_AUTO;

    /** "open", "closed" (also Ramulator's OpenRowPolicy / ClosedRowPolicy) or "closed-auto" (auto-precharge). */
    public static PagePolicy parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "open", "openrowpolicy" -> OPEN;
            case "closed", "close", "closedrowpolicy" -> CLOSED;
            case "closed-auto", "closed_auto", "auto-precharge" -> CLOSED_AUTO;
            default -> throw new InvalidInputException("unknown row policy '" + s
                    + "', expected open, closed or closed-auto");
        };
    }
}
