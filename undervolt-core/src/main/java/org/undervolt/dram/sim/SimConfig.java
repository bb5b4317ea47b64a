package org.undervolt.dram.sim;

import org.undervolt.InvalidInputException;

/**
 * Controller settings of a simulation.
 *
 * @param spec        memory organisation and timings
 * @param mapping     address mapping (see {@link RequestMappings#of})
 * @param pagePolicy  open or closed page
 * @param closedCap   column accesses after which the closed policy precharges a bank (1 = after every access)
 * @param queueSize   read and write queue capacity is queueSize + 1 requests, as Ramulator 2.0a's
 *                    ReqBuffer (max_size 32) accepts while size &lt;= max_size
 * @param drain       keep simulating after the last request is accepted until every request is served
 *                    (Ramulator stops when the last request has been sent)
 * @param rcdByBank   tRCD in cycles of every bank, indexed channel-major ((channel * ranks + rank) * banks +
 *                    bank, bank counted across bank groups), or null for the spec's tRCD everywhere: EDEN's
 *                    fine-grained mapping runs each partition at its own tRCD (Koppula et al., MICRO 2019, sec. 5)
 * @param scheduler   which queued request is served next: "frfcfs" (Ramulator 2.0a's default) or "fcfs"
 *                    ({@link Scheduler#NAMES})
 * @param refresh     refresh policy: "all-bank" (every tREFI, Ramulator 2.0a's) or "none" ({@link RefreshPolicy#NAMES})
 */
public record SimConfig(SimSpec spec, String mapping, PagePolicy pagePolicy, int closedCap, int queueSize,
                        boolean drain, int[] rcdByBank, String scheduler, String refresh) {

    /** The scheduler and refresh policy Ramulator 2.0a's Generic controller uses. */
    public static final String DEFAULT_SCHEDULER = "frfcfs", DEFAULT_REFRESH = "all-bank";

    /** Ramulator 2.0a's Generic controller defaults: write-mode watermarks 0.8 / 0.2 of the write queue size. */
    public static final float WRITE_HIGH_WATERMARK = 0.8f, WRITE_LOW_WATERMARK = 0.2f;

    public SimConfig {
        if (closedCap < 1) {
            throw new InvalidInputException("--closed-cap: expected at least 1, got " + closedCap);
        }
        if (queueSize < 1) {
            throw new InvalidInputException("--queue-size: expected at least 1, got " + queueSize);
        }
        if (rcdByBank != null) {
            int banks = spec.organization().channels() * spec.organization().ranks() * spec.organization().banks();
            if (rcdByBank.length != banks) {
                throw new InvalidInputException("tRCD per bank: expected " + banks + " values (channels x ranks x banks), got "
                        + rcdByBank.length);
            }
            for (int i = 0; i < banks; i++) {
                if (rcdByBank[i] < 1) {
                    throw new InvalidInputException("tRCD per bank: bank " + i + " has " + rcdByBank[i]
                            + " cycles, expected at least 1");
                }
            }
            rcdByBank = rcdByBank.clone();
        }
        scheduler = Scheduler.normalise(scheduler);
        refresh = RefreshPolicy.normalise(refresh);
    }

    /** Settings with tRCD per bank ({@code null}: the spec's), FR-FCFS and all-bank refresh. */
    public SimConfig(SimSpec spec, String mapping, PagePolicy pagePolicy, int closedCap, int queueSize, boolean drain,
                     int[] rcdByBank) {
        this(spec, mapping, pagePolicy, closedCap, queueSize, drain, rcdByBank, DEFAULT_SCHEDULER, DEFAULT_REFRESH);
    }

    /** Settings with the spec's tRCD in every bank. */
    public SimConfig(SimSpec spec, String mapping, PagePolicy pagePolicy, int closedCap, int queueSize, boolean drain) {
        this(spec, mapping, pagePolicy, closedCap, queueSize, drain, null);
    }

    /** tRCD of flat bank {@code bank} (see {@link #rcdByBank}). */
    public int rcdOf(int bank) {
        return rcdByBank == null ? spec.timings().nRCD() : rcdByBank[bank];
    }

    /** The same settings with tRCD per bank ({@code null}: uniform); the array is copied. */
    public SimConfig withRcdByBank(int[] rcd) {
        return new SimConfig(spec, mapping, pagePolicy, closedCap, queueSize, drain, rcd, scheduler, refresh);
    }

    @Override
    public int[] rcdByBank() {
        return rcdByBank == null ? null : rcdByBank.clone();
    }

    /** Ramulator 2.0a's defaults: open page, queues of 32, no drain. */
    public static SimConfig of(SimSpec spec, String mapping) {
        return new SimConfig(spec, mapping, PagePolicy.OPEN, 1, 32, false);
    }

    public SimConfig withPagePolicy(PagePolicy p, int cap) {
        return new SimConfig(spec, mapping, p, cap, queueSize, drain, rcdByBank, scheduler, refresh);
    }

    public SimConfig withDrain(boolean d) {
        return new SimConfig(spec, mapping, pagePolicy, closedCap, queueSize, d, rcdByBank, scheduler, refresh);
    }

    /** The same settings with the scheduler and refresh policy called {@code schedulerName} and {@code refreshName}. */
    public SimConfig withPolicies(String schedulerName, String refreshName) {
        return new SimConfig(spec, mapping, pagePolicy, closedCap, queueSize, drain, rcdByBank, schedulerName, refreshName);
    }

    /** The same settings on {@code s} (e.g. the part with timings lengthened at a lower VDD). */
    public SimConfig withSpec(SimSpec s) {
        return new SimConfig(s, mapping, pagePolicy, closedCap, queueSize, drain, rcdByBank, scheduler, refresh);
    }
}
