package org.undervolt.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Named mappings of runs (data to partitions, weights to locations); putting one replaces it whole. */
public final class MappingTable {
    private final ResultsStore store;

    MappingTable(ResultsStore store) {
        this.store = store;
    }

    public void put(long runId, String name, List<MappingRow> rows) {
        store.inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM mappings WHERE run_id = ? AND name = ?")) {
                d.setLong(1, runId);
                d.setString(2, name);
                d.executeUpdate();
            }
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
        return store.call("read mapping " + name, c -> {
            List<MappingRow> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT item, target, extra FROM mappings WHERE run_id = ? AND name = ? ORDER BY rowid")) {
                p.setLong(1, runId);
                p.setString(2, name);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new MappingRow(r.getString(1), r.getString(2), r.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /** The names of the run's mappings, sorted. */
    public List<String> names(long runId) {
        return store.call("list mappings", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT DISTINCT name FROM mappings WHERE run_id = ? ORDER BY name")) {
                p.setLong(1, runId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
            }
            return out;
        });
    }
}
