package org.undervolt.dram.trace;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a {@link CommandTrace} in either DRAMPower format: DRAMPower 4 {@code .trc}
 * ({@code timestamp,CMD,bank}, REF spelled REF) or DRAMPower 5 CSV
 * ({@code timestamp,CMD,rank,bankgroup,bank,row,column}, bank group = bank / banksPerGroup, row and column 0
 * since the energy model does not need them). An END line closes the trace.
 */
public final class TraceWriter {
    private TraceWriter() {
    }

    public static void write(CommandTrace t, TraceFormat format, int banksPerGroup, Writer w) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int n = t.size();
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            Command c = t.command(i);
            sb.append(t.cycle(i)).append(',').append(name(c, format, t.slowExit(i))).append(',');
            if (format == TraceFormat.DRAMPOWER4_TRC) {
                sb.append(t.bank(i));
            } else {
                sb.append(t.rank(i)).append(',').append(t.bank(i) / banksPerGroup).append(',').append(t.bank(i))
                        .append(",0,0");
            }
            sb.append('\n');
            w.append(sb);
        }
        if (format == TraceFormat.DRAMPOWER4_TRC) {
            w.append(Long.toString(t.endCycle())).append(",END,0\n");
        } else {
            w.append(Long.toString(t.endCycle())).append(",END,0,0,0,0,0\n");
        }
    }

    private static String name(Command c, TraceFormat f, boolean slow) {
        if (f == TraceFormat.DRAMPOWER5_CSV) {
            return c.name();
        }
        return switch (c) {
            case REFA -> "REF";
            case SREFEN -> "SREN";
            case SREFEX -> "SREX";
            case PDEA -> slow ? "PDN_S_ACT" : "PDN_F_ACT";
            case PDEP -> slow ? "PDN_S_PRE" : "PDN_F_PRE";
            case PDXA -> "PUP_ACT";
            case PDXP -> "PUP_PRE";
            default -> c.name();
        };
    }
}
