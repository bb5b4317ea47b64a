package org.undervolt.store;

/**
 * Identifies one Monte-Carlo trial within a run.
 *
 * @param point the sweep point, e.g. {@code ber=1.0E-5} or {@code layer=fc1;type=weights;ber=1.0E-4}
 *              (see {@link PointKeys})
 * @param trial the trial index at that point, from 0
 */
public record TrialKey(String point, int trial) {
    public TrialKey {
        if (point == null || point.isEmpty()) {
            throw new IllegalArgumentException("a trial needs a point key");
        }
        if (trial < 0) {
            throw new IllegalArgumentException("trial index must be >= 0: " + trial);
        }
    }
}
