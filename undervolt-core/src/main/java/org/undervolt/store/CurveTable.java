package org.undervolt.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Named curves of runs; putting a curve replaces the one of the same name, in one transaction. */
public final class CurveTable {
    private final ResultsStore store;
    private final NamedRows<CurveRow> rows;

    CurveTable(ResultsStore store) {
        this.store = store;
        this.rows = new NamedRows<>(store, "curves", List.of("idx", "x", "y", "y_low", "y_high", "n", "extra"),
                (p, i, q) -> {
                    p.setInt(3, i);
                    p.setDouble(4, q.x());
                    p.setDouble(5, q.y());
                    setNullableDouble(p, 6, q.yLow());
                    setNullableDouble(p, 7, q.yHigh());
                    if (q.n() > 0) {
                        p.setInt(8, q.n());
                    } else {
                        p.setNull(8, Types.INTEGER);
                    }
                    p.setString(9, q.extra());
                });
    }

    public void put(long runId, String name, List<CurveRow> points) {
        rows.put(runId, name, points);
    }

    /** The curve's points in order; empty if the run has no curve of that name. */
    public List<CurveRow> get(long runId, String name) {
        return store.call("read curve " + name, c -> Sql.rows(c, "SELECT x, y, y_low, y_high, n, extra FROM curves "
                + "WHERE run_id = ? AND name = ? ORDER BY idx", r -> new CurveRow(r.getDouble(1), r.getDouble(2),
                nullableDouble(r, 3), nullableDouble(r, 4), r.getInt(5), r.getString(6)), runId, name));
    }

    /** The names of the run's curves, sorted. */
    public List<String> names(long runId) {
        return rows.names(runId);
    }

    static void setNullableDouble(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            p.setNull(i, Types.REAL);
        } else {
            p.setDouble(i, v);
        }
    }

    static double nullableDouble(ResultSet r, int i) throws SQLException {
        double v = r.getDouble(i);
        return r.wasNull() ? Double.NaN : v;
    }
}
