package org.undervolt.dram.access;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.Organization;

/**
 * Address mapping by contiguous bit fields, like Ramulator's linear mappers: the lowest
 * log2(bytes per burst) bits select the byte inside a burst, the remaining bits are split into the named
 * fields from least to most significant as the order lists them right to left. The column field counts
 * bursts (columns / BL values); {@link DramAddress#column()} is the device column of the burst's first beat.
 * A field may have any size (e.g. the 49,152 rows of a 6 Gb LPDDR4 die, wherever the row sits): the fields are
 * the digits of a mixed-radix number, each the address divided by the product of the sizes below it, modulo its
 * own size; while every size from the bottom up is a power of two that is the usual mask and shift. Addresses
 * beyond the capacity wrap, as in Ramulator.
 */
final class BitFieldMapping implements AddressMapping {

    enum Field { CHANNEL, RANK, BANKGROUP, BANK, ROW, COLUMN }

    private final String name;
    private final Organization org;
    private final int offsetBits;
    private final int[] shift = new int[Field.values().length];
    /** Mask of a field decoded by shift and mask (0 for a field the order lacks); -1 for one decoded by division. */
    private final long[] mask = new long[Field.values().length];
    private final long[] stride = new long[Field.values().length];
    private final int[] size = new int[Field.values().length];
    private final boolean hasBankGroupField;

    private BitFieldMapping(String name, Organization org, List<Field> msbToLsb) {
        this.name = name;
        this.org = org;
        this.offsetBits = log2("bytes per burst", org.bytesPerBurst());
        this.hasBankGroupField = msbToLsb.contains(Field.BANKGROUP);
        Map<Field, Integer> sizes = new EnumMap<>(Field.class);
        sizes.put(Field.CHANNEL, org.channels());
        sizes.put(Field.RANK, org.ranks());
        sizes.put(Field.BANKGROUP, org.bankGroups());
        sizes.put(Field.BANK, hasBankGroupField ? org.banksPerGroup() : org.banks());
        sizes.put(Field.ROW, org.rows());
        if (org.columns() % org.burstLength() != 0) {
            throw new InvalidInputException("address mapping: columns (" + org.columns()
                    + ") not a multiple of the burst length (" + org.burstLength() + ")");
        }
        sizes.put(Field.COLUMN, org.columns() / org.burstLength());
        long stride = 1L << offsetBits;
        boolean slices = true; // every field so far a power of two: this one is a bit slice at a fixed shift
        for (int i = msbToLsb.size() - 1; i >= 0; i--) {
            Field f = msbToLsb.get(i);
            int n = sizes.get(f);
            if (n <= 0) {
                throw new InvalidInputException("address mapping: " + f.name().toLowerCase(Locale.ROOT) + " = " + n
                        + ", expected at least 1");
            }
            size[f.ordinal()] = n;
            this.stride[f.ordinal()] = stride;
            slices &= Integer.bitCount(n) == 1;
            shift[f.ordinal()] = Long.numberOfTrailingZeros(stride);
            mask[f.ordinal()] = slices ? n - 1L : -1L;
            stride *= n;
        }
        for (Field f : Field.values()) {
            if (!msbToLsb.contains(f) && !(f == Field.BANKGROUP) && sizes.get(f) > 1) {
                throw new InvalidInputException("address mapping '" + name + "' lacks the " + f.name().toLowerCase(Locale.ROOT)
                        + " field, but the part has " + sizes.get(f) + " of them");
            }
        }
    }

    private static int log2(String what, int n) {
        if (n <= 0 || Integer.bitCount(n) != 1) {
            throw new InvalidInputException("address mapping: " + what + " = " + n + ", expected a power of two");
        }
        return Integer.numberOfTrailingZeros(n);
    }

    static BitFieldMapping parse(String order, Organization org) {
        String s = order.trim();
        List<Field> fields = new ArrayList<>();
        if (s.contains(":")) {
            for (String part : s.split(":")) {
                fields.add(switch (part.trim().toLowerCase(Locale.ROOT)) {
                    case "channel", "ch" -> Field.CHANNEL;
                    case "rank", "ra" -> Field.RANK;
                    case "bankgroup", "bg" -> Field.BANKGROUP;
                    case "bank", "ba" -> Field.BANK;
                    case "row", "ro" -> Field.ROW;
                    case "column", "col", "co" -> Field.COLUMN;
                    default -> throw bad(order);
                });
            }
        } else {
            if (s.length() % 2 != 0) {
                throw bad(order);
            }
            for (int i = 0; i < s.length(); i += 2) {
                fields.add(switch (s.substring(i, i + 2).toLowerCase(Locale.ROOT)) {
                    case "ch" -> Field.CHANNEL;
                    case "ra" -> Field.RANK;
                    case "bg" -> Field.BANKGROUP;
                    case "ba" -> Field.BANK;
                    case "ro" -> Field.ROW;
                    case "co" -> Field.COLUMN;
                    default -> throw bad(order);
                });
            }
        }
        if (fields.stream().distinct().count() != fields.size()) {
            throw bad(order);
        }
        return new BitFieldMapping(s, org, fields);
    }

    private static InvalidInputException bad(String order) {
        return new InvalidInputException("unknown address mapping '" + order
                + "', expected fields MSB to LSB like RoBaRaCoCh or row:bank:column (Ch Ra Bg Ba Ro Co, each once)");
    }

    private int field(long a, Field f) {
        int i = f.ordinal();
        if (mask[i] >= 0) {
            return (int) ((a >>> shift[i]) & mask[i]);
        }
        return (int) Long.remainderUnsigned(Long.divideUnsigned(a, stride[i]), size[i]);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Organization organization() {
        return org;
    }

    private int bankInRank(long a) {
        return hasBankGroupField ? field(a, Field.BANKGROUP) * org.banksPerGroup() + field(a, Field.BANK)
                : field(a, Field.BANK);
    }

    @Override
    public DramAddress decode(long a) {
        int bank = bankInRank(a);
        return new DramAddress(field(a, Field.CHANNEL), field(a, Field.RANK), bank / org.banksPerGroup(), bank,
                field(a, Field.ROW), field(a, Field.COLUMN) * org.burstLength());
    }

    @Override
    public int flatBank(long a) {
        return (field(a, Field.CHANNEL) * org.ranks() + field(a, Field.RANK)) * org.banks() + bankInRank(a);
    }

    @Override
    public int row(long a) {
        return field(a, Field.ROW);
    }

    @Override
    public String toString() {
        return name;
    }
}
