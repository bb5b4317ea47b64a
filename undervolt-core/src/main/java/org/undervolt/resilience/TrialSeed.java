package org.undervolt.resilience;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.undervolt.random.Seeds;

/**
 * The identity of one trial's random stream, {@code Seeds.stream(master, ids...)}, as a value that can
 * travel to another JVM: the stream opened there is the one the local run would use.
 *
 * @param master the search's seed
 * @param ids    the trial's identity (target, BER bits, trial index)
 */
public record TrialSeed(long master, long[] ids) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrialSeed {
        ids = ids.clone();
    }

    @Override
    public long[] ids() {
        return ids.clone();
    }

    /** A fresh stream, at its start. */
    public SplittableRandom stream() {
        return Seeds.stream(master, ids);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialSeed s && s.master == master && Arrays.equals(s.ids, ids);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(master) * 31 + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "TrialSeed[" + master + ", " + Arrays.toString(ids) + "]";
    }
}
