/** DRAMPower command traces: readers and writers for the DRAMPower 5 CSV and DRAMPower 4 .trc formats, synthetic traces. */
package org.undervolt.dram.trace;
