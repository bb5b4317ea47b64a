package org.undervolt.dram.sim;

import java.util.Map;

import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;

/**
 * A part as the simulator reads it: the part ({@link DramSpec}, the one description), the command protocol it is
 * scheduled under, and its timing rows compiled for that protocol ({@link SimTimings#of}).
 *
 * @param part     the part
 * @param protocol the command protocol
 * @param timings  the part's timings compiled for {@code protocol}
 */
public record SimSpec(DramSpec part, Protocol protocol, SimTimings timings) {

    /** {@code part} under its standard's protocol. */
    public static SimSpec of(DramSpec part) {
        return of(part, Protocol.of(part.standard()));
    }

    /** {@code part} under {@code protocol}. */
    public static SimSpec of(DramSpec part, Protocol protocol) {
        return new SimSpec(part, protocol, SimTimings.of(part, protocol));
    }

    /** The part's standard name (DDR3, DDR4, LPDDR3 ...). */
    public String standard() {
        return part.standard().name();
    }

    /** Cycles from issuing a RD to the end of its data under the protocol ({@link Protocol#readLatency}). */
    public int readLatency() {
        return protocol.readLatency(timings);
    }

    public Organization organization() {
        return part.organization();
    }

    /** Bytes one column access moves on the channel (BL × channel width / 8): 64 for a 64-bit BL8 channel. */
    public int bytesPerAccess() {
        return organization().bytesPerBurst();
    }

    /** Addressable bytes of all channels. */
    public long capacityBytes() {
        return organization().capacityBytes();
    }

    /** The same part with tRCD = {@code rcd} cycles. */
    public SimSpec withRcd(int rcd) {
        return of(part.withCycles(Map.of("RCD", rcd)), protocol);
    }

    /** The same part with the timing rows in {@code cycles} replaced (e.g. RCD, RAS, RP lengthened at a lower VDD). */
    public SimSpec withCycles(Map<String, Integer> cycles) {
        return of(part.withCycles(cycles), protocol);
    }
}
