/**
 * An INT8 integer datapath like an accelerator's ({@link org.undervolt.nn.quant.Int8Network}): int8
 * weights and feature maps, int32 accumulation, integer requantisation, with hooks where stored int8
 * bytes can be corrupted.
 */
package org.undervolt.nn.quant;
