package org.undervolt.nn.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** The trailer both binary formats end with: a u32 CRC-32 (ISO-HDLC, {@link CRC32}) of every preceding byte. */
final class CrcTrailer {
    private CrcTrailer() {
    }

    /** Appends, through {@code d}, the CRC of everything written so far into {@code buf}. */
    static void append(ByteArrayOutputStream buf, DataOutputStream d) throws IOException {
        d.flush();
        CRC32 crc = new CRC32();
        crc.update(buf.toByteArray());
        d.writeInt((int) crc.getValue());
        d.flush();
    }

    /** The CRC of a whole file's bytes but its last four. */
    static int computed(byte[] all) {
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 4);
        return (int) crc.getValue();
    }

    /** The CRC a file's last four bytes hold (big-endian). */
    static int stored(byte[] all) {
        return ByteBuffer.wrap(all, all.length - 4, 4).getInt();
    }
}
