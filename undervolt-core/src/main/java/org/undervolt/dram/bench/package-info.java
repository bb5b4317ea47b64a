/**
 * Speed benchmarks of the DRAM models as a user meets them: whole processes timed end to end
 * ({@link org.undervolt.dram.bench.ProcessTimer}) against peers' recorded whole-process figures
 * ({@link org.undervolt.dram.bench.DramPeers}, docs/PEERS.md), and in-process kernel speeds labelled apart.
 */
package org.undervolt.dram.bench;
