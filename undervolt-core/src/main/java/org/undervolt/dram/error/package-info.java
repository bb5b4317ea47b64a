/**
 * DRAM error models behind one interface ({@link org.undervolt.dram.error.ErrorModel}): uniform random
 * flips (EDEN model 0), weak bitlines and wordlines (models 1 and 2), data-dependent flips (model 3) and
 * location-aware errors in weak subarrays or banks (EnforceSNN, {@code location}), all named in one registry
 * ({@link org.undervolt.dram.error.ErrorModelRegistry}, which also lists what {@link
 * org.undervolt.dram.error.ErrorModelProvider}s register, e.g. the voltage-following {@code weak-subarray}); weak-cell maps, geometric skipping so the cost
 * grows with the flips drawn, failure bitmaps and maximum-likelihood fitting of the models to them, and the
 * BER(VDD) (Voltron data) and BER(tRCD) tables (docs/PAPERS.md §1.5, §2.2, §2.3). Models see stored bytes as
 * {@link org.undervolt.dram.error.MemoryRegion}s (a byte range and the DRAM rows it spans), which {@code fault}
 * builds from {@code storage} placements; this package knows nothing of {@code storage}.
 */
package org.undervolt.dram.error;
