package org.undervolt.data;

import org.undervolt.InvalidInputException;
import org.undervolt.io.Digests;

/** MD5 digests of file contents, for pinning published data files. */
public final class Checksums {
    private Checksums() {
    }

    /** The MD5 of {@code data} as 32 lower-case hex digits. */
    public static String md5(byte[] data) {
        return Digests.hex("MD5", data);
    }

    /**
     * Checks that {@code data} has the MD5 {@code expected}.
     *
     * @param what names the data in the message, e.g. {@code "built-in mnist/train-images-idx3-ubyte.gz"}
     * @return the digest
     * @throws InvalidInputException naming {@code what}, both digests and {@code remedy} on a mismatch
     */
    public static String verifyMd5(byte[] data, String expected, String what, String remedy) {
        String actual = md5(data);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new InvalidInputException(what + ": md5 " + actual + ", expected " + expected.toLowerCase()
                    + " (the published file); " + remedy);
        }
        return actual;
    }
}
