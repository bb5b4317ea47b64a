package org.undervolt.mapping;

import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramLocation;
import org.undervolt.storage.Placement;

/**
 * Where one piece of data lives: the DRAM rows it fills, in the order its bytes fill them (byte b in row
 * b / rowBytes at column b % rowBytes). As a {@link Placement} it tells the error models where every stored
 * byte is; {@link #address} gives the simulator's physical address of a byte.
 *
 * @param name      the data
 * @param bytes     its length
 * @param banks     flat bank of each row
 * @param subarrays subarray of each row
 * @param rows      row within its subarray of each row
 */
public record RowList(String name, long bytes, int[] banks, int[] subarrays, int[] rows) {

    public int rowCount() {
        return rows.length;
    }

    /** Physical (DRMap-decoded) byte address of byte {@code offset}. */
    public long address(DramModule m, long offset) {
        int rowBytes = m.geometry().rowBytes();
        int k = checkedRow(offset, rowBytes);
        return DrMapAddress.of(m, banks[k], subarrays[k], rows[k], (int) (offset % rowBytes));
    }

    private int checkedRow(long offset, int rowBytes) {
        if (offset < 0 || offset >= (long) rows.length * rowBytes) {
            throw new IllegalArgumentException(name + ": byte " + offset + " outside its " + rows.length + " rows");
        }
        return (int) (offset / rowBytes);
    }

    /** This layout as a storage placement in {@code module}'s geometry. */
    public Placement placement(DramModule module, String policy) {
        DramGeometry g = module.geometry();
        return new Placement() {
            @Override
            public DramGeometry geometry() {
                return g;
            }

            @Override
            public DramLocation locate(long offset) {
                int k = checkedRow(offset, g.rowBytes());
                int b = banks[k];
                return new DramLocation(b / g.banks() / g.ranks(), b / g.banks() % g.ranks(), b % g.banks(),
                        subarrays[k], rows[k], (int) (offset % g.rowBytes()));
            }

            @Override
            public int runLength(long offset) {
                checkedRow(offset, g.rowBytes());
                return (int) (g.rowBytes() - offset % g.rowBytes());
            }

            @Override
            public String name() {
                return policy;
            }
        };
    }
}
