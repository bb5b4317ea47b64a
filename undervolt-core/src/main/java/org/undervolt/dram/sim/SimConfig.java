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
 */
public record SimConfig(SimSpec spec, String mapping, PagePolicy pagePolicy, int closedCap, int queueSize,
                        boolean drain) {

    /** Ramulator 2.0a's Generic controller defaults: write-mode watermarks 0.8 / 0.2 of the write queue size. */
    public static final float WRITE_HIGH_WATERMARK = 0.8f, WRITE_LOW_WATERMARK = 0.2f;

    public SimConfig {
        if (closedCap < 1) {
            throw new InvalidInputException("--closed-cap: expected at least 1, got " + closedCap);
        }
        if (queueSize < 1) {
            throw new InvalidInputException("--queue-size: expected at least 1, got " + queueSize);
        }
    }

    /** Ramulator 2.0a's defaults: open page, queues of 32, no drain. */
    public static SimConfig of(SimSpec spec, String mapping) {
        return new SimConfig(spec, mapping, PagePolicy.OPEN, 1, 32, false);
    }

    public SimConfig withPagePolicy(PagePolicy p, int cap) {
        return new SimConfig(spec, mapping, p, cap, queueSize, drain);
    }

    public SimConfig withDrain(boolean d) {
        return new SimConfig(spec, mapping, pagePolicy, closedCap, queueSize, d);
    }
}
