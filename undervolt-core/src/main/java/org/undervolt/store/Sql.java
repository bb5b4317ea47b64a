package org.undervolt.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statement shapes the tables share: a query or update whose {@code ?} parameters are bound in
 * order from Java values ({@code Long}, {@code Integer}, {@code Double}, {@code String}, {@code null}),
 * its rows read one at a time.
 */
final class Sql {
    private Sql() {
    }

    /** Reads the current row of a result. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** Hands each row of the query to {@code row}, in result order. */
    @FunctionalInterface
    interface RowSink {
        void accept(ResultSet r) throws SQLException;
    }

    static void each(Connection c, String sql, RowSink row, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                row.accept(r);
            }
        }
    }

    /** Every row of the query, read by {@code reader}, in result order. */
    static <T> List<T> rows(Connection c, String sql, RowReader<T> reader, Object... params) throws SQLException {
        List<T> out = new ArrayList<>();
        each(c, sql, r -> out.add(reader.read(r)), params);
        return out;
    }

    /** The first row of the query, if any. */
    static <T> Optional<T> first(Connection c, String sql, RowReader<T> reader, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params); ResultSet r = p.executeQuery()) {
            return r.next() ? Optional.of(reader.read(r)) : Optional.empty();
        }
    }

    /** Runs an update; returns the number of rows it changed. */
    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params)) {
            return p.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            return p;
        } catch (SQLException e) {
            p.close();
            throw e;
        }
    }
}
