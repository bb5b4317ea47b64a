package org.undervolt.dram.sim;

import java.util.List;
import java.util.Locale;

import org.undervolt.InvalidInputException;

/**
 * Which queued request a channel controller serves next: given a read or write queue, the request whose next
 * command (ACT, PRE or the column command, from its bank's row state) issues this cycle. Picked by name
 * ({@link #NAMES}); the controller composes it with a {@link RowPolicy} and a {@link RefreshPolicy}.
 */
interface Scheduler {
    /** Names accepted by {@link #of}: FR-FCFS (Ramulator 2.0a's default), and first-come first-served. */
    List<String> NAMES = List.of("frfcfs", "fcfs");

    /**
     * The request of {@code queue} to serve at {@code clk}, or -1 when none can issue; {@code fin} is the queue's
     * column command (RD or WR ordinal).
     */
    int pick(long clk, BankQueue queue, int fin);

    /**
     * After a {@link #pick}: a lower bound on the cycle after {@code clk} at which a request of the queue could be
     * picked ({@link BankScan#NONE} if none waits), valid until the next command issues or the queue changes.
     */
    long min();

    /** After a {@link #pick} that found a request: whether another request of the queue was ready as well. */
    boolean anotherReady();

    /**
     * Whether the pick reads only each bank's offers (its oldest row hit and its oldest other request, {@link BankQueue}).
     * Ready cycles only grow as commands issue, so a bound from {@link #min} then stays valid across commands for every
     * bank whose offers did not change, and the controller lowers it by the banks that changed instead of picking again
     * after every command. Otherwise the bound holds only until the next command.
     */
    default boolean perBankOffers() {
        return false;
    }

    /** Picks in vector lanes from now on, where the scheduler has a lane version of its pick (the same picks). */
    default void pickInLanes() {
    }

    /** The scheduler called {@code name} ("frfcfs" or "fcfs", case-insensitive). */
    static Scheduler of(String name, DecodedRequests q, DeviceTiming dev, boolean vectorScan) {
        return switch (normalise(name)) {
            case "frfcfs" -> new FrFcfsScheduler(dev, vectorScan);
            case "fcfs" -> new FcfsScheduler(q, dev);
            default -> throw new InvalidInputException("--scheduler: unknown scheduler '" + name + "', expected one of " + NAMES);
        };
    }

    /** {@code name} lower-cased without '-' and '_' ("FR-FCFS" → "frfcfs"); an unknown name is an error. */
    static String normalise(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (!NAMES.contains(n)) {
            throw new InvalidInputException("--scheduler: unknown scheduler '" + name + "', expected one of " + NAMES);
        }
        return n;
    }
}
