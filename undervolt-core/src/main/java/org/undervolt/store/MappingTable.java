package org.undervolt.store;

import java.util.List;

/** Named mappings of runs (data to partitions, weights to locations); putting one replaces it whole. */
public final class MappingTable {
    private final ResultsStore store;
    private final NamedRows<MappingRow> rows;

    MappingTable(ResultsStore store) {
        this.store = store;
        this.rows = new NamedRows<>(store, "mappings", List.of("item", "target", "extra"), (p, i, m) -> {
            p.setString(3, m.item());
            p.setString(4, m.target());
            p.setString(5, m.extra());
        });
    }

    public void put(long runId, String name, List<MappingRow> mapping) {
        rows.put(runId, name, mapping);
    }

    /** The mapping's rows in the order they were put. */
    public List<MappingRow> get(long runId, String name) {
        return store.call("read mapping " + name, c -> Sql.rows(c,
                "SELECT item, target, extra FROM mappings WHERE run_id = ? AND name = ? ORDER BY rowid",
                r -> new MappingRow(r.getString(1), r.getString(2), r.getString(3)), runId, name));
    }

    /** The names of the run's mappings, sorted. */
    public List<String> names(long runId) {
        return rows.names(runId);
    }
}
