package org.undervolt.resilience;

import java.util.Map;

import org.undervolt.io.Json;

/**
 * What a retraining wrote: a DNN's {@code retrain.json} ({@link RetrainRun.Report}) or an SNN's {@code fat.json}
 * ({@link SnnFatRun.Report}), each a record whose components are the file's keys in order.
 */
public sealed interface RetrainReport permits RetrainRun.Report, SnnFatRun.Report {

    /** The file's keys and values, in order ({@link Json#fields}). */
    default Map<String, Object> json() {
        return Json.fields((Record) this);
    }
}
