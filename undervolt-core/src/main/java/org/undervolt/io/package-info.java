/**
 * Neutral input/output helpers every package may use, depending on nothing else of ours: the one
 * Jackson configuration ({@link org.undervolt.io.Json}), a small JSON reader into plain values for paths that must
 * start fast ({@link org.undervolt.io.PlainJson}: DRAM parts load without Jackson), all-or-nothing file writes through a temporary
 * sibling renamed into place with the umask's permissions ({@link org.undervolt.io.AtomicFiles}), and
 * progress lines with time left ({@link org.undervolt.io.ProgressLine},
 * {@link org.undervolt.io.ProgressReporter}).
 */
package org.undervolt.io;
