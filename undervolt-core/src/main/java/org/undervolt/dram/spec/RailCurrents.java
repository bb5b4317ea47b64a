package org.undervolt.dram.spec;

/**
 * Datasheet currents of one supply rail of one device, in amperes.
 *
 * <p>JEDEC current definitions (JESD79-3F §IDD; JESD209-3 for LPDDR3): IDD0 one-bank ACT-PRE loop at tRC;
 * IDD2N precharge standby; IDD3N active standby; IDD4R/IDD4W burst read/write; IDD5 (IDD5B) all-bank
 * refresh burst at tRFC; IDD2P0/IDD2P1 precharge power-down (slow/fast exit); IDD3P0/IDD3P1 active
 * power-down; IDD6 self refresh. {@code ibeta} is DRAMPower 5's bank-wise I_beta (equal to IDD0 when the
 * memspec gives none, which reduces the bank-wise model to the legacy one). {@code idd5pb} is the
 * per-bank refresh current (LPDDR4/5), 0 when absent.
 */
public record RailCurrents(double idd0, double idd2n, double idd3n, double idd4r, double idd4w, double idd5,
                           double idd5pb, double idd2p0, double idd2p1, double idd3p0, double idd3p1, double idd6,
                           double ibeta) {

    public RailCurrents {
        double[] all = {idd0, idd2n, idd3n, idd4r, idd4w, idd5, idd5pb, idd2p0, idd2p1, idd3p0, idd3p1, idd6, ibeta};
        for (double v : all) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("currents must be finite and >= 0, got " + v);
            }
        }
    }

    /**
     * Null when every command current is at least the standby current it is priced against, else what is not:
     * DRAMPower's command energies are V(IDD0 − IDD3N)tRAS (ACT), V(IDD0 − IDD2N)tRP (PRE), V(IDD4R/W − IDD3N)
     * (RD/WR) and V(IDD5 − IDD3N)tRFC (REF), so a current below its standby one would price a command negative.
     * (IDD3N below IDD2N occurs in real memspecs, e.g. the VDD1 rail of Micron's LPDDR2, and is allowed.)
     */
    public String belowStandby() {
        String[] names = {"IDD0", "IDD0", "IDD4R", "IDD4W", "IDD5"};
        double[] command = {idd0, idd0, idd4r, idd4w, idd5};
        double[] standby = {idd3n, idd2n, idd3n, idd3n, idd3n};
        String[] standbyNames = {"IDD3N", "IDD2N", "IDD3N", "IDD3N", "IDD3N"};
        for (int k = 0; k < names.length; k++) {
            if (command[k] < standby[k]) {
                return names[k] + " " + command[k] * 1e3 + " mA is below " + standbyNames[k] + " " + standby[k] * 1e3
                        + " mA, expected at least it (a command's energy is the difference: it would be negative)";
            }
        }
        return null;
    }

    /** The same currents multiplied by {@code factor} (used for current scaling with voltage). */
    public RailCurrents scaled(double factor) {
        return new RailCurrents(idd0 * factor, idd2n * factor, idd3n * factor, idd4r * factor, idd4w * factor,
                idd5 * factor, idd5pb * factor, idd2p0 * factor, idd2p1 * factor, idd3p0 * factor, idd3p1 * factor,
                idd6 * factor, ibeta * factor);
    }
}
