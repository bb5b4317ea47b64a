package org.undervolt.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One run as the store holds it.
 *
 * @param id         the run's number in this store
 * @param kind       what produced it ({@code demo}, {@code sparkxd}, ...)
 * @param config     the full configuration, canonical JSON (keys sorted): equal text, equal configuration
 * @param seed       the master seed
 * @param provenance versions, git revision, JVM and machine, JSON
 * @param status     running (or killed), finished, failed
 * @param createdAt  when the run was first started
 * @param updatedAt  when its status last changed
 * @param summary    the headline result, JSON, once finished
 * @param owner      the process that last marked it running (empty in stores written before schema 2)
 * @param folder     where its files are (run folder, result directory), if its command said
 */
public record RunRecord(long id, String kind, String config, long seed, String provenance, RunStatus status,
        Instant createdAt, Instant updatedAt, Optional<String> summary, Optional<RunOwner> owner,
        Optional<String> folder) {

    /**
     * The status as a reader should see it: {@link RunStatus#INTERRUPTED} for a run marked running whose
     * process is gone (killed, crashed), otherwise the stored status.
     */
    public RunStatus observedStatus() {
        return status == RunStatus.RUNNING && owner.isPresent() && owner.get().gone(updatedAt, Instant.now())
                ? RunStatus.INTERRUPTED : status;
    }
}
