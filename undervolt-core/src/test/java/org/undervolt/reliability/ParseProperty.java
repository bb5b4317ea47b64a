package org.undervolt.reliability;

import java.lang.management.ManagementFactory;

import org.undervolt.InvalidInputException;

/**
 * The property every parser must hold on any input: it either returns or throws
 * {@link InvalidInputException}; any other exception is a bug, and so is allocating far more memory
 * than the input could justify (a header field trusted as an array size).
 *
 * <p>Memory is measured with the JVM's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}), so the bound holds however
 * big the heap is: {@value #FIXED_ALLOWANCE} bytes plus {@value #PER_INPUT_BYTE} per input byte. The
 * factor leaves room for honest expansion (gzip inflates up to ~1032:1, a float text field of a few
 * bytes becomes 4 to 8 bytes) but not for a 32-bit count read from a header.
 */
public final class ParseProperty {
    /** Allocation allowed for any input, bytes (buffers, JSON trees, small models). */
    public static final long FIXED_ALLOWANCE = 48L << 20;
    /** Allocation allowed per input byte. */
    public static final long PER_INPUT_BYTE = 2048;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A parse of an in-memory input; checked exceptions count as failures. */
    @FunctionalInterface
    public interface Parse {
        void run() throws Exception;
    }

    private ParseProperty() {
    }

    /**
     * Runs {@code parse} on an input of {@code inputBytes} bytes and checks the property.
     *
     * @return true if the input was accepted, false if it was rejected with an InvalidInputException
     * @throws AssertionError for any other exception, a multi-line message, or too much allocation
     */
    public static boolean check(String what, int inputBytes, Parse parse) {
        long bound = FIXED_ALLOWANCE + PER_INPUT_BYTE * inputBytes;
        long before = THREADS.getCurrentThreadAllocatedBytes();
        boolean accepted = once(what, parse);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (allocated > bound) {
            // The first parse of a run also pays for class loading (and Jazzer's instrumentation of
            // each class) on this thread; parsers are deterministic, so measure a second, warm parse.
            before = THREADS.getCurrentThreadAllocatedBytes();
            once(what, parse);
            allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            if (allocated > bound) {
                throw new AssertionError(what + ": allocated " + allocated + " bytes for a " + inputBytes
                        + "-byte input (bound " + bound + ")");
            }
        }
        return accepted;
    }

    private static boolean once(String what, Parse parse) {
        try {
            parse.run();
            return true;
        } catch (InvalidInputException e) {
            String m = e.getMessage();
            if (m == null || m.isBlank() || m.contains("\n")) {
                throw new AssertionError(what + ": rejection message must be one non-empty line, was: " + m, e);
            }
            return false;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(what + ": checked exception escaped the parser: " + e, e);
        }
    }
}
