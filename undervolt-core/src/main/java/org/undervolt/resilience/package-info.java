/**
 * Making networks tolerate approximate DRAM, and measuring how much they tolerate.
 *
 * <ul>
 *   <li><b>Where errors go.</b> {@link org.undervolt.resilience.Site} (layer × data type),
 *       {@link org.undervolt.resilience.StorageSetup} (what is stored, formats, error model),
 *       {@link org.undervolt.resilience.NetworkFaults} (encode → inject → decode of weights and IFMs,
 *       as {@code LayerHooks}), {@link org.undervolt.resilience.ValueBounds} (EDEN's correct-by-bounds).</li>
 *   <li><b>DNN retraining.</b> {@link org.undervolt.resilience.CurricularRetrainer} (EDEN curricular
 *       retraining and RandBET), {@link org.undervolt.resilience.CurriculumSchedule} (the BER rule),
 *       {@link org.undervolt.resilience.RetrainCheckpoint} (per-epoch resume).</li>
 *   <li><b>SNN training.</b> {@link org.undervolt.resilience.SnnFaultAwareTrainer} (SparkXD FAT).</li>
 *   <li><b>Tolerance.</b> {@link org.undervolt.resilience.ToleranceSearch} (log grid + log bisection),
 *       {@link org.undervolt.resilience.Acceptance} (mean or one-sided 95% t bound),
 *       {@link org.undervolt.resilience.ToleranceAnalysis} (coarse, fine, combination),
 *       {@link org.undervolt.resilience.PointStore} (resumable points), {@link org.undervolt.resilience.CurveExport}.</li>
 *   <li><b>Where trials run.</b> {@link org.undervolt.resilience.TrialExecutor} (local by default; another module's
 *       through {@link org.undervolt.resilience.TrialExecutorProvider}), fed {@link org.undervolt.resilience.TrialTask}s
 *       and {@link org.undervolt.resilience.TrialRecipe}s ({@link org.undervolt.resilience.DnnTrialRecipe},
 *       {@link org.undervolt.resilience.SnnTrialRecipe}) that build the same model in any JVM.</li>
 *   <li><b>Runs behind the CLI.</b> {@link org.undervolt.resilience.RetrainRun},
 *       {@link org.undervolt.resilience.SnnFatRun}, {@link org.undervolt.resilience.ToleranceRun}.</li>
 * </ul>
 * The demo's simpler pieces ({@link org.undervolt.resilience.BerSweep},
 * {@link org.undervolt.resilience.ToleranceCriterion}, {@link org.undervolt.resilience.StoredWeightsEvaluator})
 * remain for {@code undervolt demo}.
 */
package org.undervolt.resilience;
