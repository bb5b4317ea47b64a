/**
 * The results store: one embedded SQLite file holding runs (configuration, seed, provenance, status),
 * Monte-Carlo trials, curves, mappings and energy results.
 *
 * <p>Every write is one SQLite transaction, so a process killed at any moment leaves a consistent
 * file; trials are keyed by (run, point, trial), so a resumed run asks {@link
 * org.undervolt.store.TrialTable#done} which trials are finished and never records one twice. Reads
 * stream row by row, so exporting 100k trials needs no more memory than one row.
 *
 * <p>The schema carries its version in the {@code schema_version} table and is brought up to date
 * by {@link org.undervolt.store.Migrations} when a store is opened.
 */
package org.undervolt.store;
