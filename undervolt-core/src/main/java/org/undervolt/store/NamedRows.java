package org.undervolt.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows a run keeps under a name in one table (curves, mappings): putting a name replaces all its rows in one
 * transaction, and the names a run has are listed sorted. The table has the columns {@code run_id} and
 * {@code name} first; what follows is each table's own.
 */
final class NamedRows<R> {
    /** Sets a row's own columns, parameters 3 onwards of the insert (1 and 2 are the run and the name). */
    @FunctionalInterface
    interface Binder<R> {
        void bind(PreparedStatement insert, int index, R row) throws SQLException;
    }

    private final ResultsStore store;
    private final String table;
    private final String insert;
    private final Binder<R> binder;

    /** @param columns the table's own columns, in the order {@code binder} sets them */
    NamedRows(ResultsStore store, String table, List<String> columns, Binder<R> binder) {
        this.store = store;
        this.table = table;
        this.insert = "INSERT INTO " + table + " (run_id, name, " + String.join(", ", columns) + ") VALUES (?, ?"
                + ", ?".repeat(columns.size()) + ")";
        this.binder = binder;
    }

    /** Replaces the rows of run {@code runId} under {@code name} by {@code rows}, in their order. */
    void put(long runId, String name, List<R> rows) {
        store.inTransaction(c -> {
            Sql.update(c, "DELETE FROM " + table + " WHERE run_id = ? AND name = ?", runId, name);
            try (PreparedStatement p = c.prepareStatement(insert)) {
                for (int i = 0; i < rows.size(); i++) {
                    p.setLong(1, runId);
                    p.setString(2, name);
                    binder.bind(p, i, rows.get(i));
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The names under which run {@code runId} has rows, sorted. */
    List<String> names(long runId) {
        return store.call("list " + table, c -> Sql.rows(c,
                "SELECT DISTINCT name FROM " + table + " WHERE run_id = ? ORDER BY name", r -> r.getString(1), runId));
    }
}
