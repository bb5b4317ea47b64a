package org.undervolt.store;

/**
 * One decision of a mapping: where a piece of data goes.
 *
 * @param item   what is placed (e.g. {@code fc1/weights})
 * @param target where it goes (e.g. a partition {@code vdd=1.10;trcd=10.0} or a bank/subarray)
 * @param extra  anything else, JSON, or {@code null}
 */
public record MappingRow(String item, String target, String extra) {
}
