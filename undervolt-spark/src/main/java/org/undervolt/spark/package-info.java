/**
 * The Spark runner of Undervolt's sweeps ({@code spark-submit} entry point {@link org.undervolt.spark.SparkSweepMain}):
 * the same tasks and seeds as the core's local runner, evaluated partition by partition, results
 * bit-identical with it, trials written as Parquet (docs/SPARK.md); and the tolerance trials of {@code tolerance},
 * {@code eden} and {@code sparkxd} with {@code --spark MASTER} ({@link org.undervolt.spark.SparkTrialExecutor},
 * registered for the core's ServiceLoader). The only module that imports Spark.
 */
package org.undervolt.spark;
