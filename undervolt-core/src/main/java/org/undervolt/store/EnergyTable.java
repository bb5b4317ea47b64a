package org.undervolt.store;

import java.sql.PreparedStatement;
import java.util.List;

/** DRAM energy results of runs, one per (run, label); putting a label again replaces it. */
public final class EnergyTable {
    private final ResultsStore store;

    EnergyTable(ResultsStore store) {
        this.store = store;
    }

    public void put(long runId, EnergyRow row) {
        store.call("record energy " + row.label(), c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO energy (run_id, label, vdd, trcd_ns, energy_j, "
                    + "extra) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, label) DO UPDATE SET vdd = excluded.vdd, "
                    + "trcd_ns = excluded.trcd_ns, energy_j = excluded.energy_j, extra = excluded.extra")) {
                p.setLong(1, runId);
                p.setString(2, row.label());
                p.setDouble(3, row.vdd());
                CurveTable.setNullableDouble(p, 4, row.trcdNs());
                p.setDouble(5, row.energyJ());
                p.setString(6, row.extra());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The run's energy results in the order first recorded. */
    public List<EnergyRow> get(long runId) {
        return store.call("read energy", c -> Sql.rows(c,
                "SELECT label, vdd, trcd_ns, energy_j, extra FROM energy WHERE run_id = ? ORDER BY rowid",
                r -> new EnergyRow(r.getString(1), r.getDouble(2), CurveTable.nullableDouble(r, 3), r.getDouble(4),
                        r.getString(5)), runId));
    }
}
