package org.balintcompanion.store;

import java.sql.ResultSet;

import org.balintcompanion.config.AppConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationTest {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> databases() throws Exception {
        return org.balintcompanion.support.TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEmptyDatabaseIsMigratedAndReopeningChangesNothing(String name, AppConfig.DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            assertEquals(0, count(db, "live_room"));
        }
        try (Database again = Database.open(settings)) {
            long files;
            try (var list = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
                files = list.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(files, count(again, "\"flyway_schema_history\" WHERE \"version\" IS NOT NULL"), "each migration ran once");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDatabaseMadeByThePreviousMigrationSetIsUpgradedWithItsDataKept(String name, AppConfig.DatabaseSettings settings) {
        var ds = new org.h2.jdbcx.JdbcDataSource();
        javax.sql.DataSource source;
        if (settings.embedded()) {
            ds.setURL(settings.url());
            ds.setUser(settings.user());
            ds.setPassword(settings.password());
            source = ds;
        } else {
            var pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(settings.url());
            pg.setUser(settings.user());
            pg.setPassword(settings.password());
            source = pg;
        }
        org.flywaydb.core.Flyway.configure().dataSource(source).locations("classpath:db/migration").target("1").load().migrate();
        try (var c = source.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO person (id, display_name, email, language, time_zone, created_at) "
                    + "VALUES ('p-old', 'Before the upgrade', 'old@example.org', 'fr', 'Europe/Paris', CURRENT_TIMESTAMP)");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        try (Database db = Database.open(settings)) {
            assertEquals(1, count(db, "person WHERE id = 'p-old'"), "data made before the upgrade is kept");
            assertEquals(0, count(db, "zoom_registrant"), "the newer migration ran");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDatabaseFromANewerVersionIsRefusedWithAClearMessage(String name, AppConfig.DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            db.read(c -> c.createStatement().executeUpdate(
                    "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", "
                    + "\"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'balint', 1, TRUE)"));
        }
        var e = assertThrows(IllegalStateException.class, () -> Database.open(settings));
        assertTrue(e.getMessage().contains("newer version"), e.getMessage());
    }

    private static long count(Database db, String from) {
        return db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + from)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
