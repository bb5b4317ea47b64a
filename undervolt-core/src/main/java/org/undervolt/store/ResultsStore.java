package org.undervolt.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.undervolt.InvalidInputException;

/**
 * An Undervolt results store: one SQLite file (WAL journal) holding runs and what they measured.
 *
 * <p>Each write is a transaction of its own (or part of one the caller opens with {@link
 * #inTransaction}); SQLite's journal makes a transaction all or nothing even when the process is
 * killed in the middle of it. With {@code synchronous=NORMAL} in WAL mode a killed process loses
 * nothing it committed; a power cut may lose the last few commits but never corrupts the file, and
 * a resumed run simply redoes them.
 *
 * <p>One connection, shared by the table views; every operation holds its lock, so threads may
 * share a store. Several processes may open the same file: writers wait up to ten seconds for each other.
 */
public final class ResultsStore implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final Connection connection;
    private final TrialTable trials;
    private final CurveTable curves;
    private final MappingTable mappings;
    private final EnergyTable energy;

    private ResultsStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.trials = new TrialTable(this);
        this.curves = new CurveTable(this);
        this.mappings = new MappingTable(this);
        this.energy = new EnergyTable(this);
    }

    /** {@code runs/undervolt.db} under the working directory. */
    public static Path defaultFile() {
        return Path.of("runs", "undervolt.db");
    }

    /**
     * Opens (creating if needed) the store at {@code file} and brings its schema up to date.
     *
     * @throws InvalidInputException if the file is not an SQLite database, is another program's
     *                               database, or was written by a newer Undervolt
     */
    public static ResultsStore open(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("results store " + file + " is a directory: expected an SQLite file path");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of results store " + file, e);
        }
        Connection c = null;
        try {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS)); // from the very first statement
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                switchToWal(s);
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            refuseForeignDatabase(c, file);
            Migrations.apply(c, file.toString());
            return new ResultsStore(file, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new InvalidInputException("results store " + file + " cannot be opened as an SQLite database ("
                    + firstLine(e.getMessage()) + "): expected a file written by undervolt, or a new path");
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Switches a connection to WAL. SQLite does not call the busy handler for this switch, so when another
     * process is creating the same new file at that moment it is retried until the busy timeout.
     */
    private static void switchToWal(Statement s) throws SQLException {
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
        while (true) {
            try {
                s.execute("PRAGMA journal_mode = WAL");
                return;
            } catch (SQLException e) {
                if (!String.valueOf(e.getMessage()).contains("SQLITE_BUSY") || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void refuseForeignDatabase(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                        + "AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_version')")) {
            boolean hasTables = r.next() && r.getInt(1) > 0;
            if (hasTables && !hasTable(c, "schema_version")) {
                throw new InvalidInputException("results store " + file + " is another program's SQLite database "
                        + "(no schema_version table): expected a file written by undervolt, or a new path");
            }
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        return Sql.first(c, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", r -> true, name).isPresent();
    }

    public Path file() {
        return file;
    }

    public TrialTable trials() {
        return trials;
    }

    public CurveTable curves() {
        return curves;
    }

    public MappingTable mappings() {
        return mappings;
    }

    public EnergyTable energy() {
        return energy;
    }

    /** The schema version of the file (after migration: always {@link #latestSchemaVersion()}). */
    public int schemaVersion() {
        return call("read schema version", c -> Migrations.current(c));
    }

    public static int latestSchemaVersion() {
        return Migrations.latest();
    }

    /** Starts a new run, status running; returns its id. */
    public long createRun(String kind, String configJson, long seed, String provenanceJson) {
        return call("create run", c -> {
            String now = Instant.now().toString();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO runs (kind, config, seed, provenance, status, "
                    + "created_at, updated_at, owner) VALUES (?, ?, ?, ?, 'running', ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, kind);
                p.setString(2, configJson);
                p.setLong(3, seed);
                p.setString(4, provenanceJson);
                p.setString(5, now);
                p.setString(6, now);
                p.setString(7, RunOwner.current().encode());
                p.executeUpdate();
                try (ResultSet k = p.getGeneratedKeys()) {
                    k.next();
                    return k.getLong(1);
                }
            }
        });
    }

    public Optional<RunRecord> run(long id) {
        return call("read run " + id, c -> Sql.first(c, RunRows.SELECT + " WHERE id = ?", RunRows::read, id));
    }

    /** Every run, newest first. */
    public List<RunRecord> runs() {
        return call("list runs", c -> Sql.rows(c, RunRows.SELECT + " ORDER BY id DESC", RunRows::read));
    }

    /** The newest run of {@code kind} with exactly this configuration that did not finish, if any. */
    public Optional<RunRecord> latestUnfinished(String kind, String configJson) {
        return latest("find unfinished run", kind, configJson, "status <> 'finished'");
    }

    /**
     * Marks run {@code id} failed while a failure is being reported: should recording it fail too, that second
     * failure is dropped, so the original one is what the caller sees.
     */
    public void markFailedQuietly(long id) {
        try {
            setStatus(id, RunStatus.FAILED, null);
        } catch (RuntimeException e) {
            // the original failure is the one to report
        }
    }

    /**
     * Sets a run's status (and, when finishing, its summary JSON; {@code null} keeps the old one). Marking it
     * running records this process as its owner ({@link RunOwner}).
     */
    public void setStatus(long id, RunStatus status, String summaryJson) {
        if (status == RunStatus.INTERRUPTED) {
            throw new IllegalArgumentException("interrupted is observed, never stored");
        }
        call("update run " + id, c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE runs SET status = ?, updated_at = ?, "
                    + "summary = COALESCE(?, summary), owner = COALESCE(?, owner) WHERE id = ?")) {
                p.setString(1, status.word());
                p.setString(2, Instant.now().toString());
                p.setString(3, summaryJson);
                p.setString(4, status == RunStatus.RUNNING ? RunOwner.current().encode() : null);
                p.setLong(5, id);
                if (p.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no run " + id + " in " + file);
                }
            }
            return null;
        });
    }

    /** Records where a run's files are (its run folder or result directory). */
    public void setFolder(long id, String folder) {
        call("update run " + id, c -> Sql.update(c, "UPDATE runs SET folder = ? WHERE id = ?", folder, id));
    }

    /** The newest finished run of {@code kind} with exactly this configuration, if any. */
    public Optional<RunRecord> latestFinished(String kind, String configJson) {
        return latest("find finished run", kind, configJson, "status = 'finished'");
    }

    private Optional<RunRecord> latest(String what, String kind, String configJson, String statusCondition) {
        return call(what, c -> Sql.first(c, RunRows.SELECT + " WHERE kind = ? AND config = ? AND " + statusCondition
                + " ORDER BY id DESC LIMIT 1", RunRows::read, kind, configJson));
    }

    /** Runs {@code work} as one transaction: all of its writes land, or none. */
    public <T> T inTransaction(SqlWork<T> work) {
        return call("transaction", c -> {
            boolean outer = c.getAutoCommit();
            if (!outer) {
                return work.apply(c); // already inside one
            }
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Runs {@code work} on the connection under the store's lock, turning SQL failures into {@link StoreException}. */
    <T> T call(String what, SqlWork<T> work) {
        synchronized (connection) {
            try {
                return work.apply(connection);
            } catch (SQLException e) {
                throw new StoreException("results store " + file + ": cannot " + what, e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("cannot close results store " + file, e);
            }
        }
    }

    /** Work on the store's connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
