/**
 * Cycle-level DRAM timing simulation: request traces ({@link org.undervolt.dram.sim.LoadStoreTraceReader},
 * Ramulator's LoadStoreTrace format) are decoded by an address mapping ({@link org.undervolt.dram.sim.RequestMappings}:
 * RoBaRaCoCh, ChRaBaRoCo, MOP4CLXOR, DRMap, explicit field orders) and scheduled by per-channel controllers
 * ({@link org.undervolt.dram.sim.ChannelController}: read/write/priority/active queues, write drain, tRCD per bank),
 * which compose a scheduler (FR-FCFS or FCFS), a row policy (open, closed, auto-precharge) and a refresh policy
 * (all-bank, none), each behind an interface picked by name ({@link org.undervolt.dram.sim.SimConfig}), under the
 * DDR3/DDR4, LPDDR3 or LPDDR4 timing constraints ({@link org.undervolt.dram.sim.Protocol},
 * {@link org.undervolt.dram.sim.TimingConstraints}, {@link org.undervolt.dram.sim.DeviceTiming}). The part simulated
 * is the one description of {@code dram.spec} ({@link org.undervolt.dram.sim.SimSpec}: a {@code DramSpec} read under
 * a protocol); presets with Ramulator 2's names load from data files as timing-only parts
 * ({@link org.undervolt.dram.sim.SimPresets}).
 *
 * <p>The controller follows Ramulator 2.0a's Generic controller closely enough that the golden Ramulator cases
 * agree exactly (cycles, row hits/misses/conflicts, read latency, command counts); idle cycles are skipped
 * (results identical to ticking every cycle, which a test checks). The FR-FCFS pick reads two offers per bank
 * (oldest row hit, oldest other request) against per-bank ready cycles kept up to date on every command, decides
 * the banks without data-dependent branches ({@link org.undervolt.dram.sim.BankScan}), and picks again only once a
 * bound on the queue's next ready cycle has come (lowered by the banks whose offers a command changed); the command streams
 * of a spread of configurations are pinned to those of the earlier per-request scheduler by hash
 * ({@code CommandStreamPinTest}). Issued commands can be written as a
 * DRAMPower 5 trace ({@link org.undervolt.dram.sim.DramPowerCommandWriter}) for the energy model.
 */
package org.undervolt.dram.sim;
