package org.undervolt.dram.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.Organization;

/**
 * Bit-field mapping: above the access offset, the address is cut into contiguous fields in a given order.
 * Ramulator 2's linear mappers are two such orders, written most significant field first:
 * <ul>
 *   <li>{@code RoBaRaCoCh} = Ro Ba Bg Ra Co Ch (row on top; bank-group bits just above the rank bits)</li>
 *   <li>{@code ChRaBaRoCo} = Ch Ra Bg Ba Ro Co (column at the bottom, then row, bank, bank group)</li>
 * </ul>
 * Other orders are given explicitly with two-letter fields (Ch Ra Bg Ba Ro Co), e.g. {@code RoBgBaRaCoCh}
 * or {@code Ro:Bg:Ba:Ra:Co:Ch}. Addresses at or beyond the capacity are rejected. A field of any size may sit
 * anywhere: sizes that are not powers of two are decoded by division ({@link RequestMapping}).
 */
public final class LinearMapping extends RequestMapping {
    private final String name;
    private final int[] fieldsLsbFirst;

    LinearMapping(String name, Organization org, List<Integer> msbFirst) {
        super(org);
        this.name = name;
        int n = msbFirst.size();
        fieldsLsbFirst = new int[n];
        for (int i = 0; i < n; i++) {
            fieldsLsbFirst[i] = msbFirst.get(n - 1 - i);
        }
    }

    /** The mapping called {@code order} (a Ramulator name or an explicit field order). */
    static LinearMapping parse(String order, Organization org) {
        String s = order.trim();
        if (s.equalsIgnoreCase("RoBaRaCoCh")) {
            return new LinearMapping("RoBaRaCoCh", org, List.of(RO, BA, BG, RA, CO, CH));
        }
        if (s.equalsIgnoreCase("ChRaBaRoCo")) {
            return new LinearMapping("ChRaBaRoCo", org, List.of(CH, RA, BG, BA, RO, CO));
        }
        String compact = s.replace(":", "");
        List<Integer> fields = new ArrayList<>();
        if (compact.length() % 2 != 0) {
            throw bad(order);
        }
        for (int i = 0; i < compact.length(); i += 2) {
            int f = switch (compact.substring(i, i + 2).toLowerCase(Locale.ROOT)) {
                case "ch" -> CH;
                case "ra" -> RA;
                case "bg" -> BG;
                case "ba" -> BA;
                case "ro" -> RO;
                case "co" -> CO;
                default -> throw bad(order);
            };
            if (fields.contains(f)) {
                throw bad(order);
            }
            fields.add(f);
        }
        List<Integer> explicit = List.copyOf(fields);
        for (int f : new int[] {CH, RA, BG, BA, RO, CO}) {
            if (!fields.contains(f)) {
                fields.add(0, f); // absent fields sit on top, where they must be 0 (size-1 dimensions only)
            }
        }
        LinearMapping m = new LinearMapping(s, org, fields);
        for (int f = 0; f < 6; f++) {
            if (!explicit.contains(f) && m.size[f] > 1) {
                throw new InvalidInputException("--mapping: '" + order + "' lacks the "
                        + new String[] {"Ch", "Ra", "Bg", "Ba", "Ro", "Co"}[f] + " field, which this organisation needs");
            }
        }
        return m;
    }

    static InvalidInputException bad(String order) {
        return new InvalidInputException("--mapping: unknown mapping '" + order + "', expected RoBaRaCoCh, ChRaBaRoCo, "
                + "MOP4CLXOR, DRMap or a field order like RoBgBaRaCoCh (Ch Ra Bg Ba Ro Co, each at most once)");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected boolean decodeAccess(long access, int[] out) {
        long a = access;
        if (pow2) {
            for (int f : fieldsLsbFirst) {
                int b = bits[f];
                out[f] = (int) (a & ((1L << b) - 1));
                a >>>= b;
            }
        } else {
            for (int f : fieldsLsbFirst) {
                int n = size[f];
                out[f] = (int) (a % n);
                a /= n;
            }
        }
        return a == 0;
    }
}
