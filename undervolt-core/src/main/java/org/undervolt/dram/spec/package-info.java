/**
 * DRAM parts as data: organisation, JEDEC-named timings, supply rails with datasheet currents; built-in
 * presets (JSON resources citing their sources), DRAMPower 4 XML and DRAMPower 5 JSON memspec loaders
 * (format detected from content), and the Voltron-style voltage → timing table.
 */
package org.undervolt.dram.spec;
