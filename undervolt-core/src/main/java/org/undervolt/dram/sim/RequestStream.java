package org.undervolt.dram.sim;

/**
 * Requests read one at a time, in trace order, so that a simulation holds only the requests in flight (its memory
 * does not grow with the trace). {@link #next} advances; the accessors describe the current request.
 */
public interface RequestStream {
    /** Advances to the next request; false at the end of the trace. A malformed request is an input error. */
    boolean next();

    /** Byte address of the current request. */
    long address();

    /** Whether the current request is a write (ST). */
    boolean isWrite();

    /** Source line of the current request (1-based). */
    int line();

    /** Name for messages (file name, or a description). */
    String source();
}
