package org.undervolt.dram.sim;

import java.util.List;
import java.util.Locale;

import org.undervolt.InvalidInputException;

/**
 * When a channel controller refreshes, picked by name ({@link #NAMES}): asked once per controller cycle whether
 * an all-bank refresh of every rank falls due, and when the next one does (for skipping idle cycles). The
 * controller queues the refresh (PREA first if banks are open) at high priority.
 */
interface RefreshPolicy {
    /** Names accepted by {@link #of}. */
    List<String> NAMES = List.of("all-bank", "none");

    /** Whether a refresh falls due at {@code clk}; called with every cycle the controller ticks, in order. */
    boolean due(long clk);

    /** The next cycle a refresh falls due, {@link Long#MAX_VALUE} if none will. */
    long next();

    /**
     * "all-bank": an all-bank refresh every tREFI (JESD79-3F/-4 REF, the average refresh interval; Ramulator
     * 2.0a's AllBankRefresh); "none": no refresh, for runs shorter than the retention time where refresh is not
     * the question (results then differ from Ramulator's).
     */
    static RefreshPolicy of(String name, int nREFI) {
        return switch (normalise(name)) {
            case "all-bank" -> new AllBank(nREFI);
            default -> None.INSTANCE;
        };
    }

    /** {@code name} lower-cased ("All-Bank" → "all-bank"); an unknown name is an error listing the known ones. */
    static String normalise(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace("_", "-");
        if (!NAMES.contains(n)) {
            throw new InvalidInputException("--refresh: unknown refresh policy '" + name + "', expected one of " + NAMES);
        }
        return n;
    }

    /** An all-bank refresh of every rank every tREFI. */
    final class AllBank implements RefreshPolicy {
        private final int interval;
        private long next;

        AllBank(int interval) {
            this.interval = interval;
            this.next = interval;
        }

        @Override
        public boolean due(long clk) {
            if (clk == next) {
                next += interval;
                return true;
            }
            return false;
        }

        @Override
        public long next() {
            return next;
        }
    }

    /** Never refreshes. */
    enum None implements RefreshPolicy {
        INSTANCE;

        @Override
        public boolean due(long clk) {
            return false;
        }

        @Override
        public long next() {
            return Long.MAX_VALUE;
        }
    }
}
