package org.undervolt.mapping;

/**
 * One DRAM transfer of a dataflow: {@code length} bytes of item {@code item} from byte {@code offset},
 * read or written front to back.
 */
public record Transfer(String item, long offset, long length, boolean write) {
    public Transfer {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException(item + ": negative offset or length");
        }
    }

    public static Transfer read(String item, long offset, long length) {
        return new Transfer(item, offset, length, false);
    }

    public static Transfer write(String item, long offset, long length) {
        return new Transfer(item, offset, length, true);
    }
}
