/**
 * Characterised DRAM devices: per-DIMM bit error rate versus one knob (supply voltage VDD, or activation latency
 * tRCD), the floor policy below a device's lowest measured point, and the lookup that answers "the lowest setting
 * for a tolerable BER, and what limited it" for every device of a set.
 *
 * <p>Data: {@link org.undervolt.dram.device.DeviceTable} files, bundled ones derived by {@code tools/dram-devices/}
 * from Voltron's per-DIMM access-error data (BER versus VDD, 30 DDR3L DIMMs) and DIVA-DRAM's per-DIMM profiles (BER
 * versus tRCD, 103 DDR3 DIMMs); {@link org.undervolt.dram.device.DeviceSet#select} picks devices by name.
 * {@link org.undervolt.dram.device.DeviceCurve} is one device's curve with the floor policy;
 * {@link org.undervolt.dram.device.OperatingPoints} prices each device's point on one
 * {@link org.undervolt.dram.device.SavingModel} per run (the part's command energies with the VDD→timing table's
 * timings: {@link org.undervolt.dram.device.ReferenceAccess} without a network, a network's own inference where one
 * is known), so a run's headline, every device's point and the spread are one pricing. Depends on the other {@code dram} packages
 * ({@code spec}, {@code energy}, {@code error} and the shared CSV reader) and {@code InvalidInputException} only.
 */
package org.undervolt.dram.device;
