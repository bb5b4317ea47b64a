package org.undervolt.nn.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

/**
 * Regression tests for checkpoint bodies that pass the CRC but lie (found by fuzzing, issue 11):
 * each must be an {@link InvalidInputException}, never an allocation the file cannot back.
 */
class CheckpointHostileInputTest {

    /** A checkpoint of one layer record, a CRC-valid file with no parameters after it. */
    private static byte[] oneLayer(String type, int[] config) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(buf);
        d.writeInt(Checkpoint.MAGIC);
        d.writeInt(Checkpoint.VERSION);
        d.writeInt(0);
        d.writeInt(1);
        d.writeInt(4);
        d.writeInt(1);
        d.writeUTF(type);
        d.writeUTF("d");
        d.writeInt(config.length);
        for (int c : config) {
            d.writeInt(c);
        }
        d.writeInt(2);
        d.flush();
        CRC32 crc = new CRC32();
        crc.update(buf.toByteArray());
        d.writeInt((int) crc.getValue());
        return buf.toByteArray();
    }

    @Test
    void hugeDenseConfigIsRefusedBeforeAllocation() throws IOException {
        byte[] f = oneLayer("dense", new int[] {1 << 20, 1 << 20});
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(f), "big.uvnn"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("big.uvnn: dense layer 'd' brings the parameter count to 1099512676352");
    }

    @Test
    void overflowingConvConfigIsBadInputNotArithmetic() throws IOException {
        byte[] f = oneLayer("conv2d", new int[] {1 << 16, 1 << 16, 1 << 10, 1, 0});
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(f), "conv.uvnn"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bytes left in the file hold");
    }

    @Test
    void malformedUtf8NameIsBadInput() throws IOException {
        byte[] f = oneLayer("dense", new int[] {4, 2});
        // The type string starts after magic, version, 0 metadata, rank 1, dim 4, 1 layer: offset 24.
        f[26] = (byte) 0xC0;
        f[27] = (byte) 0x20;
        CRC32 crc = new CRC32();
        crc.update(f, 0, f.length - 4);
        int v = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            f[f.length - 4 + i] = (byte) (v >>> (24 - 8 * i));
        }
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(f), "utf.uvnn"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("utf.uvnn: malformed name string");
    }
}
