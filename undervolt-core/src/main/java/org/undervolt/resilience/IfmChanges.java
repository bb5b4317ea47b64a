package org.undervolt.resilience;

import java.util.Arrays;

/** The stored codes of one image's IFM that differ from the error-free ones: value index and code, in index order. */
final class IfmChanges {
    private int count;
    private int[] index = new int[16];
    private byte[] code = new byte[16];

    int count() {
        return count;
    }

    int index(int k) {
        return index[k];
    }

    byte code(int k) {
        return code[k];
    }

    void clear() {
        count = 0;
    }

    void add(int i, byte c) {
        if (count == index.length) {
            index = Arrays.copyOf(index, 2 * count);
            code = Arrays.copyOf(code, 2 * count);
        }
        index[count] = i;
        code[count] = c;
        count++;
    }

    /** Writes the changed codes over {@code dst[offset ..]}, a copy of the error-free codes. */
    void patch(byte[] dst, int offset) {
        for (int k = 0; k < count; k++) {
            dst[offset + index[k]] = code[k];
        }
    }

    /** The changes of {@code actual[aOff, aOff + n)} against {@code clean[cOff, cOff + n)}, replacing these. */
    void diff(byte[] actual, int aOff, byte[] clean, int cOff, int n) {
        count = 0;
        int i = 0;
        while (i < n) {
            int m = Arrays.mismatch(actual, aOff + i, aOff + n, clean, cOff + i, cOff + n);
            if (m < 0) {
                break;
            }
            i += m;
            add(i, actual[aOff + i]);
            i++;
        }
    }
}
