package org.undervolt;

/**
 * A user-supplied input (file, option, preset name, number) is not what Undervolt expects.
 *
 * <p>The message is one line that names what is wrong and the expected form, for example
 * {@code "train-images-idx3-ubyte.gz: wrong magic 0x00000804, expected 0x00000803 (IDX unsigned-byte, 3 dims)"}.
 * The CLI prints it as is and exits with code 2; anything else that escapes is an internal failure (exit 1).
 * Control characters in the message (a line break inside a name read from a damaged file) are
 * written as escapes ({@code \n}, {@code \u0000}), so the message stays one line whatever it quotes.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(oneLine(message));
    }

    public InvalidInputException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        if (message == null || message.chars().noneMatch(Character::isISOControl)) {
            return message;
        }
        StringBuilder b = new StringBuilder(message.length() + 8);
        for (char c : message.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
