package org.balintcompanion.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.balintcompanion.config.AppConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The durable store: a pooled connection to embedded H2 or PostgreSQL, migrated by Flyway at start. Plain JDBC, no
 * ORM; every multi-row write goes through {@link #inTransaction}.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final boolean embedded;

    private Database(HikariDataSource pool, boolean embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    public static Database open(AppConfig.DatabaseSettings settings) {
        var hc = new HikariConfig();
        hc.setJdbcUrl(settings.url());
        hc.setUsername(settings.user());
        hc.setPassword(settings.password());
        hc.setMaximumPoolSize(8);
        hc.setPoolName("balint-db");
        hc.setAutoCommit(true);
        // PostgreSQL puts the offending values in its error details ("Key (x)=(…)"), and those would reach the log.
        if (settings.url().startsWith("jdbc:postgresql:")) hc.addDataSourceProperty("logServerErrorDetail", "false");
        var pool = new HikariDataSource(hc);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, settings.embedded());
    }

    /** Refuses a database that a newer version of the server has migrated: running old code on it would lose data. */
    private static void migrate(DataSource ds) {
        Flyway flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
        MigrationInfo[] pending = flyway.info().pending();
        MigrationInfo current = flyway.info().current();
        MigrationVersion latestKnown = latestKnown(flyway);
        if (current != null && latestKnown != null && current.getVersion().isNewerThan(latestKnown.getVersion())) {
            throw new IllegalStateException("The database was migrated by a newer version of Balint Companion (schema "
                    + current.getVersion() + "); this server knows schema " + latestKnown
                    + " at most. Run the newer server, or restore a backup made for this version.");
        }
        if (pending.length > 0) flyway.migrate();
    }

    private static MigrationVersion latestKnown(Flyway flyway) {
        MigrationVersion latest = null;
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getState().isResolved() && m.getVersion() != null && (latest == null || m.getVersion().isNewerThan(latest.getVersion()))) {
                latest = m.getVersion();
            }
        }
        return latest;
    }

    public boolean embedded() { return embedded; }

    public DataSource dataSource() { return pool; }

    public interface Work<T> { T run(Connection c) throws SQLException; }

    /** Runs {@code work} in one transaction: all of it is written, or none of it. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A single read or single-statement write. */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override public void close() { pool.close(); }
}
