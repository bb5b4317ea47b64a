package org.undervolt.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.undervolt.InvalidInputException;

/** MD5 digests of file contents, for pinning published data files. */
public final class Checksums {
    private Checksums() {
    }

    /** The MD5 of {@code data} as 32 lower-case hex digits. */
    public static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
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
