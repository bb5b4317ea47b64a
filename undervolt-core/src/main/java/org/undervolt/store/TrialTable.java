package org.undervolt.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Monte-Carlo trials of runs, keyed by (run, point, trial). Recording is idempotent: a trial
 * already held is left as it is, so a resumed run can record blindly. Recording it again with a
 * different accuracy, or with a different {@code extra} where both records have one (e.g. another
 * non-finite count), means the evaluation is not deterministic, and fails loudly.
 */
public final class TrialTable {
    private static final String INSERT = "INSERT INTO trials (run_id, point, trial, seed_ids, accuracy, flips, extra, "
            + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, point, trial) DO NOTHING";
    private static final String SELECT_ONE = "SELECT accuracy FROM trials WHERE run_id = ? AND point = ? AND trial = ?";

    private final ResultsStore store;

    TrialTable(ResultsStore store) {
        this.store = store;
    }

    /** Records one trial in its own transaction; returns false if it was already there. */
    public boolean record(long runId, TrialRow row) {
        return store.call("record trial " + row.key() + " of run " + runId, c -> {
            try (PreparedStatement p = c.prepareStatement(INSERT)) {
                return insert(c, p, runId, row);
            }
        });
    }

    /** Records many trials in one transaction: all of them land, or none. Returns how many were new. */
    public int recordAll(long runId, Iterable<TrialRow> rows) {
        return store.inTransaction(c -> {
            int added = 0;
            try (PreparedStatement p = c.prepareStatement(INSERT)) {
                for (TrialRow row : rows) {
                    added += insert(c, p, runId, row) ? 1 : 0;
                }
            }
            return added;
        });
    }

    private static boolean insert(Connection c, PreparedStatement p, long runId, TrialRow row) throws SQLException {
        p.setLong(1, runId);
        p.setString(2, row.key().point());
        p.setInt(3, row.key().trial());
        p.setString(4, row.seedIdsJson());
        p.setDouble(5, row.accuracy());
        if (row.flips().isPresent()) {
            p.setLong(6, row.flips().getAsLong());
        } else {
            p.setNull(6, Types.INTEGER);
        }
        p.setString(7, row.extra());
        p.setString(8, Instant.now().toString());
        if (p.executeUpdate() == 1) {
            return true;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT accuracy, extra FROM trials WHERE run_id = ? AND point = ? AND trial = ?")) {
            q.setLong(1, runId);
            q.setString(2, row.key().point());
            q.setInt(3, row.key().trial());
            try (ResultSet r = q.executeQuery()) {
                if (r.next()) {
                    double held = r.getDouble(1);
                    String heldExtra = r.getString(2);
                    if (Double.compare(held, row.accuracy()) != 0) {
                        throw new IllegalStateException("run " + runId + " trial " + row.key() + " recorded twice with "
                                + "different accuracies (" + held + " then " + row.accuracy() + "): the evaluation is not "
                                + "deterministic");
                    }
                    if (heldExtra != null && row.extra() != null && !heldExtra.equals(row.extra())) {
                        throw new IllegalStateException("run " + runId + " trial " + row.key() + " recorded twice with "
                                + "different details (" + heldExtra + " then " + row.extra() + "): the evaluation is not "
                                + "deterministic");
                    }
                }
            }
        }
        return false;
    }

    /** The accuracy of a finished trial, or empty. */
    public OptionalDouble accuracy(long runId, TrialKey key) {
        return store.call("read trial " + key, c -> accuracy(c, runId, key));
    }

    private static OptionalDouble accuracy(Connection c, long runId, TrialKey key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(SELECT_ONE)) {
            p.setLong(1, runId);
            p.setString(2, key.point());
            p.setInt(3, key.trial());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? OptionalDouble.of(r.getDouble(1)) : OptionalDouble.empty();
            }
        }
    }

    /** Which trials of the run are finished. */
    public Set<TrialKey> done(long runId) {
        return store.call("list finished trials of run " + runId, c -> new HashSet<>(Sql.rows(c,
                "SELECT point, trial FROM trials WHERE run_id = ?", r -> new TrialKey(r.getString(1), r.getInt(2)), runId)));
    }

    public long count(long runId) {
        return store.call("count trials of run " + runId, c -> Sql.first(c,
                "SELECT count(*) FROM trials WHERE run_id = ?", r -> r.getLong(1), runId).orElseThrow());
    }

    /** How many distinct points of the run have at least one trial. */
    public long pointCount(long runId) {
        return store.call("count points of run " + runId, c -> Sql.first(c,
                "SELECT count(DISTINCT point) FROM trials WHERE run_id = ?", r -> r.getLong(1), runId).orElseThrow());
    }

    /**
     * Hands every trial of the run to {@code sink}, in the order they were recorded, one row at a
     * time: memory stays constant however many trials there are.
     */
    public void forEach(long runId, Consumer<TrialRow> sink) {
        store.call("read trials of run " + runId, c -> {
            Sql.each(c, "SELECT point, trial, seed_ids, accuracy, flips, extra FROM trials WHERE run_id = ? ORDER BY rowid",
                    r -> {
                        long flips = r.getLong(5);
                        OptionalLong f = r.wasNull() ? OptionalLong.empty() : OptionalLong.of(flips);
                        sink.accept(new TrialRow(new TrialKey(r.getString(1), r.getInt(2)),
                                TrialRow.parseSeedIds(r.getString(3)), r.getDouble(4), f, r.getString(6)));
                    }, runId);
            return null;
        });
    }
}
