package org.undervolt.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Reads rows of the {@code runs} table. */
final class RunRows {
    static final String SELECT = "SELECT id, kind, config, seed, provenance, status, created_at, updated_at, summary, owner, folder "
            + "FROM runs";

    private RunRows() {
    }

    static RunRecord read(ResultSet r) throws SQLException {
        return new RunRecord(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5),
                RunStatus.of(r.getString(6)), Instant.parse(r.getString(7)), Instant.parse(r.getString(8)),
                Optional.ofNullable(r.getString(9)), RunOwner.parse(r.getString(10)),
                Optional.ofNullable(r.getString(11)));
    }
}
