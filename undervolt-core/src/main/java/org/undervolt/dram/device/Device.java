package org.undervolt.dram.device;

import java.util.Arrays;

/**
 * One characterised DRAM device (a DIMM): BER versus one knob at measured points, ascending in x.
 *
 * @param id            the device's name in its table ("B7", "A01")
 * @param family        the table it comes from ("voltron", "diva", or a file name)
 * @param vendor        anonymised vendor ("A", "B", "C")
 * @param knob          what x is
 * @param nominal       the nominal setting in the knob's unit (1.35 V, 12.5 ns)
 * @param x             measured settings, ascending
 * @param berLower      per-bit BER, lower bound, per point
 * @param berUpper      per-bit BER, upper bound, per point
 * @param saturated     the measurement hit its ceiling at this point (the true rate may be higher)
 * @param fallbackSlope median d ln(BER)/dx of the table's devices with two nonzero lowest points (NaN if none),
 *                      used to extrapolate a device with a single nonzero point
 */
public record Device(String id, String family, String vendor, Knob knob, double nominal, double[] x, double[] berLower,
                     double[] berUpper, boolean[] saturated, double fallbackSlope) implements java.io.Serializable {

    /** "family:id", the selector naming this device alone. */
    public String name() {
        return family + ":" + id;
    }

    /** The device's lowest measured setting. */
    public double lowestMeasured() {
        return x[0];
    }

    /** This device's curve with {@code bound}'s BERs. */
    public DeviceCurve curve(BerBound bound) {
        return new DeviceCurve(this, bound == BerBound.UPPER ? berUpper : berLower);
    }

    /** The same device with another fallback slope. */
    Device withFallbackSlope(double slope) {
        return new Device(id, family, vendor, knob, nominal, x, berLower, berUpper, saturated, slope);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device d && d.name().equals(name()) && Arrays.equals(d.x, x) && Arrays.equals(d.berLower, berLower);
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
