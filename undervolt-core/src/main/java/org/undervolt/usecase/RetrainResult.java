package org.undervolt.usecase;

import java.nio.file.Path;

import org.undervolt.resilience.RetrainReport;

/**
 * What a retraining made.
 *
 * @param model  the retrained network's file ({@code retrained.uvnn} of a DNN, {@code fat.snn} of an SNN)
 * @param report everything the run recorded, as its {@code retrain.json} or {@code fat.json} holds it
 */
public record RetrainResult(Path model, RetrainReport report) {
}
