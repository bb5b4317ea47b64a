/**
 * Model files: Undervolt's versioned, CRC-checked checkpoint format ({@link org.undervolt.nn.io.Checkpoint}),
 * the registry that rebuilds layers from it, and the training state saved for an exact resume.
 */
package org.undervolt.nn.io;
