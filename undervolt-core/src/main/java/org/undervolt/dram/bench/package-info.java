/** Speed benchmark of the trace energy model (commands per CPU-second, ratios to DRAMPower 4.1 / 5.1). */
package org.undervolt.dram.bench;
