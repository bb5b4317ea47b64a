package org.undervolt.cli;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.device.DeviceSet;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --devices SEL}, declared here only: the characterised DRAM devices (measured DIMMs) a command looks up a
 * setting on, in {@code demo}, {@code map} and {@code operating-point} alike: a bundled selector, a device table or a
 * single BER(VDD) curve ({@link DeviceSet#fromBerTable}). Its old spelling {@code --ber-table} ({@code demo},
 * {@code map}) is kept hidden and says so in one line; the organisation's devices per rank are {@code map
 * --devices-per-rank}.
 */
final class DevicesOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--devices", paramLabel = "SEL",
            description = "Characterised DRAM devices: " + DeviceSet.FORMS + "; voltron* are Voltron's DDR3L DIMMs (BER "
                    + "versus VDD), diva* DIVA-DRAM's (BER versus tRCD, operating-point). A plan uses the median device, "
                    + "the JSON's devices_summary the spread (default: voltron; operating-point --knob trcd: diva).")
    String selector;

    /** The value given as {@code --ber-table}, or null. */
    private String old;

    /** The old name of {@code --devices} in {@code demo} and {@code map}. */
    @Option(names = "--ber-table", hidden = true, paramLabel = "SEL|CSV")
    void berTable(String value) {
        old = value;
        OldSpelling.note(mixee, "--ber-table", "--devices");
    }

    /** The selector given (under either name), or null for the command's default. */
    String selector() {
        if (old != null && selector != null) {
            throw new InvalidInputException("--devices " + selector + ": given twice (--ber-table " + old
                    + " is --devices now)");
        }
        return old != null ? old : selector;
    }

    /**
     * {@code map}'s old {@code --devices N}, the devices per rank: when {@code --devices} holds a plain integer (no
     * selector is one), it is taken as {@code --devices-per-rank N}, said in one line, and names no devices; else null.
     */
    Integer oldDevicesPerRank() {
        if (selector == null || !selector.matches("[0-9]{1,9}")) {
            return null;
        }
        int n = Integer.parseInt(selector);
        OldSpelling.note(mixee, "--devices " + selector, "--devices-per-rank " + selector);
        selector = null;
        return n;
    }
}
