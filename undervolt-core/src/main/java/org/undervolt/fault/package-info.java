/**
 * Fault injection: {@link org.undervolt.fault.Injector} applies an error model of {@code dram.error} to the
 * bytes of a {@code storage.DramImage} at the DRAM location of each byte, exact in distribution, cost
 * proportional to the flips; {@link org.undervolt.fault.ValueCorrection} and
 * {@link org.undervolt.fault.ProfiledRanges} zero decoded values outside their error-free range (EDEN's
 * correct-by-bounds, docs/PAPERS.md §2.4). Uses only {@code dram.error}, {@code storage} and the basics
 * ({@code random.Seeds}).
 */
package org.undervolt.fault;
