/**
 * The DRAM model: parts as data ({@code spec}), command-level energy equivalent to DRAMPower 4.1 and 5.1
 * plus voltage scaling ({@code energy}), DRAMPower command traces ({@code trace}), address mapping and
 * row-buffer counting ({@code access}), bit-error-rate tables ({@code error}: BER(VDD), BER(tRCD)) and the
 * energy-model benchmark ({@code bench}).
 *
 * <p>Data flow: a {@link org.undervolt.dram.spec.DramSpec} (preset, DRAMPower XML/JSON memspec) →
 * either a stream of timed commands (a command trace read streaming, or the simulator's) → the one
 * {@link org.undervolt.dram.energy.EnergyListener}, or a stream of byte-address accesses →
 * {@link org.undervolt.dram.access.OpenPageCounter} → {@link org.undervolt.dram.access.AccessCounts} →
 * {@link org.undervolt.dram.energy.AccessEnergyModel} (tested equal to the listener fed the same accesses); both at
 * any core voltage through
 * {@link org.undervolt.dram.energy.VoltageScaling}. This package itself holds what the sub-packages share:
 * the reader of the commented CSV tables the DRAM data ships as ({@link org.undervolt.dram.CommentedCsv}) and the
 * log-linear BER lookup ({@link org.undervolt.dram.LogLinearCurve}). Nothing in {@code dram} depends on other
 * Undervolt packages except the basics: the root package ({@code InvalidInputException}), {@code random}
 * ({@code Seeds}) and {@code io} (docs/ARCHITECTURE.md).
 */
package org.undervolt.dram;
