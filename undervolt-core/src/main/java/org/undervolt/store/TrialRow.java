package org.undervolt.store;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * One finished trial.
 *
 * @param key      which trial
 * @param seedIds  the task ids its random stream derived from, after the run's master seed
 * @param accuracy the accuracy measured (fraction correct)
 * @param flips    bits flipped, when the evaluator counts them
 * @param extra    anything else, JSON, or {@code null}
 */
public record TrialRow(TrialKey key, long[] seedIds, double accuracy, OptionalLong flips, String extra) {

    public TrialRow {
        seedIds = seedIds.clone();
    }

    public TrialRow(TrialKey key, long[] seedIds, double accuracy) {
        this(key, seedIds, accuracy, OptionalLong.empty(), null);
    }

    @Override
    public long[] seedIds() {
        return seedIds.clone();
    }

    /** The seed ids as the JSON array stored. */
    String seedIdsJson() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < seedIds.length; i++) {
            b.append(i == 0 ? "" : ",").append(seedIds[i]);
        }
        return b.append(']').toString();
    }

    static long[] parseSeedIds(String json) {
        String body = json.strip();
        body = body.substring(1, body.length() - 1).strip();
        return body.isEmpty() ? new long[0]
                : Arrays.stream(body.split(",")).mapToLong(s -> Long.parseLong(s.strip())).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialRow r && r.key.equals(key) && Arrays.equals(r.seedIds, seedIds)
                && Double.compare(r.accuracy, accuracy) == 0 && r.flips.equals(flips)
                && java.util.Objects.equals(r.extra, extra);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Double.hashCode(accuracy);
    }

    @Override
    public String toString() {
        return "TrialRow[" + key + ", seedIds=" + seedIdsJson() + ", accuracy=" + accuracy + ", flips=" + flips
                + ", extra=" + extra + "]";
    }
}
