package org.undervolt.dram.sim;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.Organization;

/**
 * The requests of a trace decoded once into the flat indices the controllers use (struct of arrays).
 * Bank-group and bank indices are flat within a channel: bgFlat = rank × bankGroups + bg,
 * bankFlat = rank × banksPerRank + bg × banksPerGroup + bank.
 */
final class DecodedRequests {
    final int n;
    final long[] address;
    final boolean[] write;
    final int[] channel;
    final int[] rank;
    final int[] bgFlat;
    final int[] bankFlat;
    final int[] row;
    final int[] column;

    DecodedRequests(RequestTrace trace, RequestMapping mapping) {
        Organization org = mapping.organization();
        n = trace.size();
        address = new long[n];
        write = new boolean[n];
        channel = new int[n];
        rank = new int[n];
        bgFlat = new int[n];
        bankFlat = new int[n];
        row = new int[n];
        column = new int[n];
        int[] f = new int[6];
        for (int i = 0; i < n; i++) {
            long a = trace.address(i);
            if (!mapping.decode(a, f)) {
                throw new InvalidInputException(trace.source() + ":" + trace.line(i) + ": field 'address' 0x"
                        + Long.toHexString(a) + " is out of range, expected below 0x" + Long.toHexString(org.capacityBytes())
                        + " (" + org.capacityBytes() + " bytes: " + org.channels() + " channel(s) x " + org.ranks()
                        + " rank(s) x " + org.banks() + " banks x " + org.rows() + " rows x " + org.bytesPerRow() + " B)");
            }
            address[i] = a;
            write[i] = trace.isWrite(i);
            channel[i] = f[RequestMapping.CH];
            rank[i] = f[RequestMapping.RA];
            bgFlat[i] = f[RequestMapping.RA] * org.bankGroups() + f[RequestMapping.BG];
            bankFlat[i] = f[RequestMapping.RA] * org.banks() + f[RequestMapping.BG] * org.banksPerGroup() + f[RequestMapping.BA];
            row[i] = f[RequestMapping.RO];
            column[i] = f[RequestMapping.CO];
        }
    }
}
