package org.undervolt.dram.sim;

import java.util.Arrays;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.Organization;

/**
 * The requests in flight, decoded once into the flat indices the controllers use (struct of arrays). A request is
 * known by its id, its position in the trace (0-based), which also orders requests by age; it occupies slot
 * {@code id & mask} from {@link #add} until {@link #release}, so memory follows the requests in flight, not the
 * length of the trace. The slots double when a new request's slot is still taken (a request that has waited longer
 * than the window allows), which keeps every live request's id distinct modulo the size.
 *
 * <p>Bank-group and bank indices are flat within a channel: bgFlat = rank × bankGroups + bg,
 * bankFlat = rank × banksPerRank + bg × banksPerGroup + bank.
 */
final class DecodedRequests {
    private static final int FREE = -1;

    private final RequestMapping mapping;
    private final int[] fields = new int[6];
    private int mask;
    /** Id of the request in each slot, or {@link #FREE}. */
    private int[] idAt;
    private long[] address;
    private long[] arrive;
    private boolean[] write;
    private boolean[] classified;
    private int[] channel;
    private int[] rank;
    private int[] bgFlat;
    private int[] bankFlat;
    private int[] row;
    private int[] column;

    DecodedRequests(RequestMapping mapping) {
        this.mapping = mapping;
        allocate(1024);
    }

    private void allocate(int slots) {
        mask = slots - 1;
        idAt = new int[slots];
        Arrays.fill(idAt, FREE);
        address = new long[slots];
        arrive = new long[slots];
        write = new boolean[slots];
        classified = new boolean[slots];
        channel = new int[slots];
        rank = new int[slots];
        bgFlat = new int[slots];
        bankFlat = new int[slots];
        row = new int[slots];
        column = new int[slots];
    }

    /**
     * Decodes the stream's current request as request {@code id}; an address beyond the organisation is an input
     * error naming the source line.
     */
    void add(int id, RequestStream in) {
        long a = in.address();
        int[] f = fields;
        if (!mapping.decode(a, f)) {
            Organization org = mapping.organization();
            throw new InvalidInputException(in.source() + ":" + in.line() + ": field 'address' 0x"
                    + Long.toHexString(a) + " is out of range, expected below 0x" + Long.toHexString(org.capacityBytes())
                    + " (" + org.capacityBytes() + " bytes: " + org.channels() + " channel(s) x " + org.ranks()
                    + " rank(s) x " + org.banks() + " banks x " + org.rows() + " rows x " + org.bytesPerRow() + " B)");
        }
        if (idAt[id & mask] != FREE) {
            grow(id);
        }
        Organization org = mapping.organization();
        int s = id & mask;
        idAt[s] = id;
        address[s] = a;
        write[s] = in.isWrite();
        classified[s] = false;
        arrive[s] = 0;
        channel[s] = f[RequestMapping.CH];
        rank[s] = f[RequestMapping.RA];
        bgFlat[s] = f[RequestMapping.RA] * org.bankGroups() + f[RequestMapping.BG];
        bankFlat[s] = f[RequestMapping.RA] * org.banks() + f[RequestMapping.BG] * org.banksPerGroup() + f[RequestMapping.BA];
        row[s] = f[RequestMapping.RO];
        column[s] = f[RequestMapping.CO];
    }

    /** Request {@code id} has left the controller (served, or forwarded): its slot may be reused. */
    void release(int id) {
        idAt[id & mask] = FREE;
    }

    /** Doubles the slots until the live requests and {@code id} fall in distinct ones. */
    private void grow(int id) {
        int oldest = id;
        for (int v : idAt) {
            if (v != FREE) {
                oldest = Math.min(oldest, v);
            }
        }
        int slots = mask + 1;
        while (id - oldest >= slots) {
            slots *= 2;
        }
        if (slots == mask + 1) {
            slots *= 2;
        }
        int oldMask = mask;
        int[] oIdAt = idAt;
        long[] oAddress = address, oArrive = arrive;
        boolean[] oWrite = write, oClassified = classified;
        int[] oChannel = channel, oRank = rank, oBg = bgFlat, oBank = bankFlat, oRow = row, oColumn = column;
        allocate(slots);
        for (int o = 0; o <= oldMask; o++) {
            int v = oIdAt[o];
            if (v == FREE) {
                continue;
            }
            int s = v & mask;
            idAt[s] = v;
            address[s] = oAddress[o];
            arrive[s] = oArrive[o];
            write[s] = oWrite[o];
            classified[s] = oClassified[o];
            channel[s] = oChannel[o];
            rank[s] = oRank[o];
            bgFlat[s] = oBg[o];
            bankFlat[s] = oBank[o];
            row[s] = oRow[o];
            column[s] = oColumn[o];
        }
    }

    /** Slots allocated (for tests: stays small however long the trace). */
    int slots() {
        return mask + 1;
    }

    long address(int id) {
        return address[id & mask];
    }

    boolean write(int id) {
        return write[id & mask];
    }

    int channel(int id) {
        return channel[id & mask];
    }

    int rank(int id) {
        return rank[id & mask];
    }

    int bgFlat(int id) {
        return bgFlat[id & mask];
    }

    int bankFlat(int id) {
        return bankFlat[id & mask];
    }

    int row(int id) {
        return row[id & mask];
    }

    int column(int id) {
        return column[id & mask];
    }

    /** Cycle request {@code id} was accepted by its controller. */
    long arrive(int id) {
        return arrive[id & mask];
    }

    void arrive(int id, long clk) {
        arrive[id & mask] = clk;
    }

    /** Whether request {@code id}'s row hit / miss / conflict was counted (at its first command). */
    boolean classified(int id) {
        return classified[id & mask];
    }

    void classify(int id) {
        classified[id & mask] = true;
    }
}
