package org.undervolt.dram.device;

/**
 * One DIMM measured against both knobs, run with both lowered: its voltage point ({@link OperatingPoints}) with tRCD
 * reduced as far as the rest of the tolerable BER allows ({@link CombinedPoints}).
 *
 * @param vdd            the DIMM's voltage point at the same tolerance (device, chosen V, energy saving, what limited it)
 * @param trcdDevice     the same DIMM's BER(tRCD) characterisation
 * @param trcdNs         the chosen tRCD on the part at the chosen voltage, in ns (whole cycles)
 * @param trcdAtVoltsNs  the tRCD the part needs at the chosen voltage without the DIMM's margin (nominal, lengthened by
 *                       the VDD→timing table), in ns
 * @param berAtChosen    BER with both lowered: 1 − (1 − BER_V)(1 − BER_tRCD)
 * @param limitedBy      what stopped tRCD going lower (the voltage was chosen first; {@code vdd.limitedBy()} says
 *                       what stopped it)
 * @param latencyChange  relative change of the row-conflict read latency against nominal VDD and tRCD
 */
public record CombinedPoint(OperatingPoint vdd, Device trcdDevice, double trcdNs, double trcdAtVoltsNs, double berAtChosen,
                            LimitedBy limitedBy, double latencyChange) {
}
