package org.undervolt.dram.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups a region's row spans by (bank, subarray), in first-seen order. */
final class Subarrays {
    private Subarrays() {
    }

    record Key(int bank, int subarray) {
    }

    static Map<Key, List<RowSpan>> group(List<RowSpan> spans) {
        Map<Key, List<RowSpan>> groups = new LinkedHashMap<>();
        for (RowSpan s : spans) {
            groups.computeIfAbsent(new Key(s.bank(), s.subarray()), k -> new ArrayList<>()).add(s);
        }
        return groups;
    }

    /** Bit columns up to the last one any of the spans holds. */
    static long columnBits(List<RowSpan> spans) {
        long bits = 0;
        for (RowSpan s : spans) {
            bits = Math.max(bits, 8L * (s.column() + s.length()));
        }
        return bits;
    }
}
