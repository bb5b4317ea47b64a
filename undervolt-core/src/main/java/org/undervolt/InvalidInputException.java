package org.undervolt;

/**
 * A user-supplied input (file, option, preset name, number) is not what Undervolt expects.
 *
 * <p>The message is one line that names what is wrong and the expected form, for example
 * {@code "train-images-idx3-ubyte.gz: wrong magic 0x00000804, expected 0x00000803 (IDX unsigned-byte, 3 dims)"}.
 * The CLI prints it as is and exits with code 2; anything else that escapes is an internal failure (exit 1).
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
