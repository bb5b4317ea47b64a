package org.undervolt.dram.sim;

import java.util.EnumMap;
import java.util.Map;

/**
 * Cycle-level DRAM timing simulation of a request trace: requests are decoded by the address mapping,
 * offered to their channel's controller one per memory cycle in trace order (a refused request is offered
 * again next cycle, as Ramulator 2's LoadStoreTrace frontend does), and the controllers schedule commands
 * under the DDR3/DDR4 timing constraints ({@link ChannelController}).
 *
 * <p>Event skipping: when the frontend is blocked by a full queue and no command could issue, the clock jumps
 * to the next cycle at which any command becomes ready or a refresh is due; nothing observable happens in the
 * cycles skipped, so results equal a cycle-by-cycle run.
 */
public final class DramSimulator {
    private final SimConfig config;
    private final RequestMapping mapping;
    /** Requests after which a run switches the pick to vector lanes, where the machine has them. */
    static final int LANES_AFTER = 200_000;

    private boolean skipIdle = true;
    private boolean vectorPick = BankScan.VECTOR_PAYS;
    /** Whether the pick switches to lanes after {@link #lanesAfter} requests (not when a pick was asked for). */
    private boolean adaptive = !BankScan.VECTOR_PAYS;
    private int lanesAfter = LANES_AFTER;

    public DramSimulator(SimConfig config) {
        this.config = config;
        this.mapping = RequestMappings.of(config.mapping(), config.spec().organization());
    }

    /** Turns event skipping off (every cycle ticked), for checking that skipping changes nothing. */
    DramSimulator tickEveryCycle() {
        skipIdle = false;
        return this;
    }

    /** Makes the scheduler pick in vector lanes (not the default, see {@link BankScan#VECTOR_PAYS}), for checking they agree. */
    DramSimulator vectorPick() {
        vectorPick = true;
        adaptive = false;
        return this;
    }

    /** Switches the pick to lanes after {@code n} requests instead of {@link #LANES_AFTER}, for checking it changes nothing. */
    DramSimulator lanesAfter(int n) {
        lanesAfter = n;
        return this;
    }

    /** Makes the scheduler pick with the scalar reference instead of vector lanes, for checking they agree. */
    DramSimulator scalarPick() {
        vectorPick = false;
        adaptive = false;
        return this;
    }

    public RequestMapping mapping() {
        return mapping;
    }

    /** Simulates {@code trace}; {@code listener} (may be null) receives every command. */
    public SimResult run(RequestTrace trace, CommandListener listener) {
        return run(trace.stream(), listener);
    }

    /**
     * Simulates the requests of {@code in}, read as the frontend needs them: only the requests in flight are held
     * ({@link DecodedRequests}), so memory does not grow with the trace. {@code listener} (may be null) receives every
     * command.
     */
    public SimResult run(RequestStream in, CommandListener listener) {
        DecodedRequests q = new DecodedRequests(mapping);
        int channels = config.spec().organization().channels();
        ChannelController[] ctrl = new ChannelController[channels];
        for (int c = 0; c < channels; c++) {
            ctrl[c] = new ChannelController(c, q, config, listener, vectorPick);
        }
        long clk = 0;
        long attempts = 0;
        int next = 0;
        boolean have = fetch(in, q, next);
        long cycles = -1;
        while (true) {
            boolean sent = false;
            if (have) {
                attempts++;
                if (ctrl[q.channel(next)].send(next, clk)) {
                    next++;
                    sent = true;
                    have = fetch(in, q, next);
                    if (adaptive && next == lanesAfter && BankScan.machineHasLanes()) {
                        // a long run: compiling the lanes now pays (the picks agree, BankScanTest)
                        for (ChannelController c : ctrl) {
                            c.pickInLanes();
                        }
                    }
                }
            }
            if (!have) {
                if (cycles < 0) {
                    cycles = clk;
                }
                if (!config.drain() || !anyBusy(ctrl)) {
                    break;
                }
            }
            clk++;
            boolean issued = false;
            for (ChannelController c : ctrl) {
                issued |= c.tick(clk);
            }
            if (!issued && !sent && skipIdle) {
                long t = Long.MAX_VALUE;
                for (ChannelController c : ctrl) {
                    t = Math.min(t, c.nextEvent(clk));
                }
                if (t > clk + 1) {
                    if (have) {
                        attempts += t - 1 - clk;
                    }
                    clk = t - 1;
                }
            }
        }
        long end = clk;
        Map<SimCommand, Long> counts = new EnumMap<>(SimCommand.class);
        long reads = 0, writes = 0, lat = 0, done = 0, fwd = 0;
        RowOutcomes rows = new RowOutcomes();
        long lastData = end;
        for (ChannelController c : ctrl) {
            c.completeReads(config.drain() ? Long.MAX_VALUE : end);
            lastData = Math.max(lastData, c.pending.lastDataCycle);
            reads += c.readsAccepted;
            writes += c.writesAccepted;
            rows.add(c.rowOutcomes);
            lat += c.pending.latencySum;
            done += c.pending.completed;
            fwd += c.readsForwarded;
            for (SimCommand k : SimCommand.ALL) {
                counts.merge(k, c.commandCounts[k.ordinal()], Long::sum);
            }
        }
        return new SimResult(cycles, config.drain() ? lastData : cycles, reads, writes, rows.readHits(), rows.readMisses(),
                rows.readConflicts(), rows.writeHits(), rows.writeMisses(), rows.writeConflicts(), lat,
                done, fwd, attempts, counts, config.spec().timings().tckNs());
    }

    /** Reads the next request of {@code in} into {@code q} as request {@code id}; false at the end. */
    private static boolean fetch(RequestStream in, DecodedRequests q, int id) {
        if (!in.next()) {
            return false;
        }
        q.add(id, in);
        return true;
    }

    private static boolean anyBusy(ChannelController[] ctrl) {
        for (ChannelController c : ctrl) {
            if (c.queued() > 0) {
                return true;
            }
        }
        return false;
    }
}
