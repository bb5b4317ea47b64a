package org.undervolt.experiment;

import java.io.Serializable;

/**
 * One unit of work of a sweep: trial {@code trial} under master seed number {@code seedIndex} at BER
 * point {@code point} of error model {@code errorModel} on network {@code network} (all indices into
 * the {@link SweepSpec}'s lists). Its result depends on these indices and the spec alone, never on
 * where or when it runs.
 *
 * @param index      position in {@link SweepSpec#tasks()}, the order results are reported in
 * @param seedIndex  index into {@link SweepSpec#seeds()}
 */
public record SweepTask(int index, int network, int errorModel, int point, int seedIndex, int trial)
        implements Serializable {
    private static final long serialVersionUID = 2L;
}
