/**
 * JMH benchmarks of the hot paths (GEMM, INT8, injection, DRAM simulation and energy, the spiking
 * network), each timing the library code and a baseline in the same run so results read as ratios
 * (undervolt-bench/README.md).
 */
package org.undervolt.bench;
