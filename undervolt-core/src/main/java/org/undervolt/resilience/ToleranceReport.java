package org.undervolt.resilience;

import java.util.Map;

import org.undervolt.io.Json;

/**
 * What a tolerance search wrote to its {@code tolerance.json} (and {@code tolerance --json} prints): a DNN's
 * ({@link ToleranceRun.Report}) or an SNN's ({@link SnnToleranceRun.Report}), each a record whose components are the
 * file's keys in order.
 */
public sealed interface ToleranceReport permits ToleranceRun.Report, SnnToleranceRun.Report {

    /** The stored network's error-free accuracy. */
    double baselineAccuracy();

    /** The accuracy the criterion is relative to (the baseline unless given). */
    double referenceAccuracy();

    /** The acceptance criterion in words. */
    String criterion();

    /** The whole network's search. */
    CurveExport.Result coarse();

    /** The file's keys and values, in order ({@link Json#fields}). */
    default Map<String, Object> json() {
        return Json.fields((Record) this);
    }
}
