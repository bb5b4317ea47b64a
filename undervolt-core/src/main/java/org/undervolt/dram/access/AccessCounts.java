package org.undervolt.dram.access;

/**
 * Counts of burst accesses by direction and by row-buffer state. {@code hits + misses + conflicts ==
 * reads + writes}.
 *
 * @param reads     read bursts
 * @param writes    write bursts
 * @param hits      accesses to the open row
 * @param misses    accesses to a precharged bank (one ACT each)
 * @param conflicts accesses that found another row open (one PRE and one ACT each)
 */
public record AccessCounts(long reads, long writes, long hits, long misses, long conflicts) {

    public static final AccessCounts ZERO = new AccessCounts(0, 0, 0, 0, 0);

    public AccessCounts {
        if (reads < 0 || writes < 0 || hits < 0 || misses < 0 || conflicts < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        if (hits + misses + conflicts != reads + writes) {
            throw new IllegalArgumentException("hits + misses + conflicts (" + (hits + misses + conflicts)
                    + ") != reads + writes (" + (reads + writes) + ")");
        }
    }

    public long accesses() {
        return reads + writes;
    }

    /** ACT commands the accesses need. */
    public long activates() {
        return misses + conflicts;
    }

    /** PRE commands the accesses need (banks left open at the end are not closed). */
    public long precharges() {
        return conflicts;
    }

    /** Fraction of accesses that hit the open row (0 when there are none). */
    public double hitRate() {
        return accesses() == 0 ? 0 : (double) hits / accesses();
    }

    public AccessCounts plus(AccessCounts o) {
        return new AccessCounts(reads + o.reads, writes + o.writes, hits + o.hits, misses + o.misses,
                conflicts + o.conflicts);
    }

    /** These counts repeated {@code n} times (e.g. one inference pass × n). */
    public AccessCounts times(long n) {
        return new AccessCounts(reads * n, writes * n, hits * n, misses * n, conflicts * n);
    }
}
