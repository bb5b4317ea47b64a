package org.undervolt.dram.energy;

/**
 * What the energy listener ({@link EnergyListener}) counted over a command stream: commands (PREA expanded to one
 * PRE per open bank) and cycles per rank state, summed over ranks.
 *
 * @param act              ACT commands
 * @param pre              PRE commands, including one per bank closed by a PREA (auto-precharges excluded)
 * @param rd               RD commands
 * @param wr               WR commands
 * @param rda              RDA commands
 * @param wra              WRA commands
 * @param ref              all-bank refreshes (DRAMPower 5.1: including the one implied by each SREFEN)
 * @param activeCycles     rank cycles with at least one bank open or a refresh counted active
 * @param prechargedCycles rank cycles with all banks closed (and not in power-down / self refresh)
 * @param bankActiveCycles bank cycles open or refreshing, summed over banks (DRAMPower 5 bank-wise term);
 *                         power-down time excluded
 * @param pdnActFast       active power-down cycles, fast exit
 * @param pdnActSlow       active power-down cycles, slow exit
 * @param pdnPreFast       precharged power-down cycles, fast exit
 * @param pdnPreSlow       precharged power-down cycles, slow exit
 * @param selfRefresh      cycles in self refresh (DRAMPower 5.1: after the entry refresh's tRFC)
 * @param srefEntries      self-refresh entries
 * @param srefIdd6         DRAMPower 4.1: self-refresh cycles drawing IDD6 (duration − tRFC)
 * @param srefRefAct       DRAMPower 4.1: entry-refresh cycles counted active (tRFC − tRP at most)
 * @param srefRefPre       DRAMPower 4.1: entry-refresh cycles counted precharged (tRP at most)
 * @param srefRefAfterExit DRAMPower 4.1: entry-refresh cycles still running after an early exit
 * @param totalCycles      length of the integration window (per rank)
 */
public record StateCycles(long act, long pre, long rd, long wr, long rda, long wra, long ref,
                          long activeCycles, long prechargedCycles, long bankActiveCycles,
                          long pdnActFast, long pdnActSlow, long pdnPreFast, long pdnPreSlow, long selfRefresh,
                          long srefEntries, long srefIdd6, long srefRefAct, long srefRefPre, long srefRefAfterExit,
                          long totalCycles) {
}
