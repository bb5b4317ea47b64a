/**
 * Bit-exact number formats and the DRAM image of tensors. A {@link org.undervolt.storage.NumberFormat}
 * (FP32, FP16, BF16, INT16, INT8, INT4, fixed point; by name from {@link org.undervolt.storage.Formats})
 * encodes floats into the bytes that would sit in DRAM; a {@link org.undervolt.storage.DramImage} holds
 * named tensors in those bytes, and its {@link org.undervolt.storage.Placement} gives each byte its bank,
 * subarray, row and column ({@link org.undervolt.storage.DramLocation}). Errors are flipped in these bytes,
 * never added to floats. Knows nothing of the rest of Undervolt.
 */
package org.undervolt.storage;
