package org.undervolt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The message is one line even when it quotes a damaged file's bytes (found by fuzzing, issue 11). */
class InvalidInputExceptionTest {

    @Test
    void lineBreaksAndControlCharactersAreEscaped() {
        var e = new InvalidInputException("m.uvnn: parameter 'b' has kind B\nIA\r\t\0, expected BIAS");
        assertThat(e.getMessage()).isEqualTo("m.uvnn: parameter 'b' has kind B\\nIA\\r\\t\\u0000, expected BIAS");
        assertThat(e.getMessage().lines()).hasSize(1);
    }

    @Test
    void ordinaryMessagesAreUntouched() {
        String m = "train-images-idx3-ubyte.gz: wrong magic 0x00000804, expected 0x00000803 (IDX ünsigned)";
        assertThat(new InvalidInputException(m, new RuntimeException()).getMessage()).isSameAs(m);
    }
}
