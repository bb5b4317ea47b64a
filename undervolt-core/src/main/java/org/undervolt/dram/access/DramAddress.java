package org.undervolt.dram.access;

/**
 * A decoded DRAM location.
 *
 * @param channel   channel
 * @param rank      rank in the channel
 * @param bankGroup bank group in the rank (0 where the standard has none)
 * @param bank      bank index in the rank, over all bank groups (bankGroup × banksPerGroup + bank in group)
 * @param row       row in the bank
 * @param column    device column address of the first beat of the burst
 */
public record DramAddress(int channel, int rank, int bankGroup, int bank, int row, int column) {
}
