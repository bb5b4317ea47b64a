package org.undervolt.store;

import java.util.Locale;

/**
 * Where a run stands. A process killed mid-run cannot say so, so {@code RUNNING} means "started and
 * not finished": the run may be live or dead; either way it can be resumed.
 */
public enum RunStatus {
    RUNNING, FINISHED, FAILED;

    /** The word stored in the database. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
