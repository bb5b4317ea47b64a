package org.undervolt.store;

import java.util.Locale;

/**
 * Where a run stands. A process killed mid-run cannot say so, so the stored {@code RUNNING} means
 * "started and not finished"; {@code INTERRUPTED} is never stored: it is what
 * {@link RunRecord#observedStatus()} reports for a running run whose process is gone. Either way the run
 * can be resumed.
 */
public enum RunStatus {
    RUNNING, FINISHED, FAILED, INTERRUPTED;

    /** The word stored in the database. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
