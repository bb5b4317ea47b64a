/**
 * Orchestration: the demo and the two papers' pipelines (EDEN, SparkXD) as resumable stages with
 * configs in JSON or YAML, progress with time left and run-time estimates; sweep specs (networks ×
 * error models × BER/VDD/tRCD points × seeds × trials) and the local runner the Spark runner mirrors;
 * the joins between the results store and resilience ({@link org.undervolt.experiment.StoredBerTrials})
 * and between measured curves and reports ({@link org.undervolt.experiment.ReportCurves}). Uses every
 * package but {@code cli}.
 */
package org.undervolt.experiment;
