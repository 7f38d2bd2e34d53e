package org.balintcompanion.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.balintcompanion.config.AppConfig;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The databases store tests run against: embedded H2 always, and PostgreSQL when {@code BALINT_TEST_PG_URL} (with
 * {@code _USER}, {@code _PASSWORD}) names one — {@code .ci/run} starts one and sets them. When the variables are set
 * but the database cannot be reached, tests fail rather than skip.
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static Stream<Arguments> all() throws Exception {
        var out = new ArrayList<Arguments>();
        out.add(Arguments.of("H2", h2()));
        AppConfig.DatabaseSettings pg = postgres();
        if (pg != null) out.add(Arguments.of("PostgreSQL", pg));
        return out.stream();
    }

    public static AppConfig.DatabaseSettings h2() throws Exception {
        Path dir = Files.createTempDirectory("balint-db");
        return new AppConfig.DatabaseSettings("jdbc:h2:file:" + dir.resolve("balint") + ";WRITE_DELAY=0", "balint", "");
    }

    /** A PostgreSQL database emptied of every table, or null when none is configured. */
    public static AppConfig.DatabaseSettings postgres() throws Exception {
        String url = System.getenv("BALINT_TEST_PG_URL");
        if (url == null || url.isBlank()) return null;
        var settings = new AppConfig.DatabaseSettings(url, System.getenv("BALINT_TEST_PG_USER"), System.getenv("BALINT_TEST_PG_PASSWORD"));
        try (var c = DriverManager.getConnection(url, settings.user(), settings.password()); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        return settings;
    }

    public static List<String> names() throws Exception {
        return all().map(a -> (String) a.get()[0]).toList();
    }
}
