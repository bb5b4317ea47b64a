package org.undervolt.store;

import java.sql.PreparedStatement;
import java.util.List;

/** Named mappings of runs (data to partitions, weights to locations); putting one replaces it whole. */
public final class MappingTable {
    private final ResultsStore store;

    MappingTable(ResultsStore store) {
        this.store = store;
    }

    public void put(long runId, String name, List<MappingRow> rows) {
        store.inTransaction(c -> {
            Sql.update(c, "DELETE FROM mappings WHERE run_id = ? AND name = ?", runId, name);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO mappings (run_id, name, item, target, extra) VALUES (?, ?, ?, ?, ?)")) {
                for (MappingRow m : rows) {
                    p.setLong(1, runId);
                    p.setString(2, name);
                    p.setString(3, m.item());
                    p.setString(4, m.target());
                    p.setString(5, m.extra());
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The mapping's rows in the order they were put. */
    public List<MappingRow> get(long runId, String name) {
        return store.call("read mapping " + name, c -> Sql.rows(c,
                "SELECT item, target, extra FROM mappings WHERE run_id = ? AND name = ? ORDER BY rowid",
                r -> new MappingRow(r.getString(1), r.getString(2), r.getString(3)), runId, name));
    }

    /** The names of the run's mappings, sorted. */
    public List<String> names(long runId) {
        return store.call("list mappings", c -> Sql.rows(c,
                "SELECT DISTINCT name FROM mappings WHERE run_id = ? ORDER BY name", r -> r.getString(1), runId));
    }
}
