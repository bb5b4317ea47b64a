package org.undervolt.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.undervolt.InvalidInputException;

/**
 * The schema of the results store, as an ordered list of migrations. Version {@code n} is the state
 * after the first {@code n} migrations; the {@code schema_version} table lists the versions applied.
 * A new table or column is added by appending a migration, never by editing an applied one.
 */
final class Migrations {

    /** Migration {@code i} takes the schema from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> STEPS = List.of(List.of(
            """
            CREATE TABLE runs (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              kind        TEXT    NOT NULL,
              config      TEXT    NOT NULL,
              seed        INTEGER NOT NULL,
              provenance  TEXT    NOT NULL,
              status      TEXT    NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
              created_at  TEXT    NOT NULL,
              updated_at  TEXT    NOT NULL,
              summary     TEXT
            )""",
            "CREATE INDEX runs_by_config ON runs (kind, config)",
            """
            CREATE TABLE trials (
              run_id      INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
              point       TEXT    NOT NULL,
              trial       INTEGER NOT NULL CHECK (trial >= 0),
              seed_ids    TEXT    NOT NULL,
              accuracy    REAL    NOT NULL,
              flips       INTEGER,
              extra       TEXT,
              recorded_at TEXT    NOT NULL,
              PRIMARY KEY (run_id, point, trial)
            )""",
            """
            CREATE TABLE curves (
              run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
              name    TEXT    NOT NULL,
              idx     INTEGER NOT NULL,
              x       REAL    NOT NULL,
              y       REAL    NOT NULL,
              y_low   REAL,
              y_high  REAL,
              n       INTEGER,
              extra   TEXT,
              PRIMARY KEY (run_id, name, idx)
            )""",
            """
            CREATE TABLE mappings (
              run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
              name    TEXT    NOT NULL,
              item    TEXT    NOT NULL,
              target  TEXT    NOT NULL,
              extra   TEXT,
              PRIMARY KEY (run_id, name, item)
            )""",
            """
            CREATE TABLE energy (
              run_id   INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
              label    TEXT    NOT NULL,
              vdd      REAL    NOT NULL,
              trcd_ns  REAL,
              energy_j REAL    NOT NULL,
              extra    TEXT,
              PRIMARY KEY (run_id, label)
            )"""),
            // 2: who runs a run (so a killed one shows as interrupted) and where its files are
            List.of("ALTER TABLE runs ADD COLUMN owner TEXT", "ALTER TABLE runs ADD COLUMN folder TEXT"));

    private Migrations() {
    }

    /** The schema version this code writes. */
    static int latest() {
        return STEPS.size();
    }

    /** Brings the store up to {@link #latest()}, one transaction per migration; returns the version. */
    static int apply(Connection c, String where) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        }
        int current = current(c);
        if (current > latest()) {
            throw new InvalidInputException("results store " + where + " has schema version " + current
                    + ", newer than this Undervolt understands (" + latest() + "): use a newer Undervolt");
        }
        for (int v = current; v < latest(); v++) {
            // BEGIN IMMEDIATE takes the write lock before reading the version, waiting (busy_timeout) for a
            // process that is migrating the same new file; a deferred transaction would read a snapshot and
            // then fail outright (SQLITE_BUSY_SNAPSHOT) when it tried to write after the other one.
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    if (current(c) == v) { // another process may have migrated meanwhile
                        for (String sql : STEPS.get(v)) {
                            s.execute(sql);
                        }
                        s.execute("INSERT INTO schema_version (version, applied_at) VALUES (" + (v + 1) + ", '"
                                + Instant.now() + "')");
                    }
                    s.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            }
        }
        return current(c);
    }

    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
