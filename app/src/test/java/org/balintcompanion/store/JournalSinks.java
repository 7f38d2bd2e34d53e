package org.balintcompanion.store;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.balintcompanion.config.AppConfig;
import org.balintcompanion.support.TestDatabases;
import org.junit.jupiter.params.provider.Arguments;

/** Every sink the room journal can write to, for tests that hold each to the same promise. */
final class JournalSinks {
    private JournalSinks() {}

    /** A sink and how to open it again on the same storage, as after a restart. */
    interface Opened extends AutoCloseable {
        JournalSink sink();

        JournalSink reopen();

        @Override void close();
    }

    static Stream<Arguments> all() throws Exception {
        var out = new ArrayList<Arguments>();
        out.add(Arguments.of("file", (Factory) JournalSinks::file));
        out.add(Arguments.of("H2 tables", (Factory) () -> tables(TestDatabases.h2())));
        AppConfig.DatabaseSettings pg = TestDatabases.postgres();
        if (pg != null) out.add(Arguments.of("PostgreSQL", (Factory) () -> tables(TestDatabases.postgres())));
        return out.stream();
    }

    interface Factory {
        Opened open() throws Exception;
    }

    static Opened file() throws Exception {
        var dir = Files.createTempDirectory("balint-journal");
        var codec = new RoomStateCodec();
        var opened = new ArrayList<JournalSink>();
        return new Opened() {
            final JournalSink first = track(new FileJournalSink(dir, codec));

            JournalSink track(JournalSink s) {
                opened.add(s);
                return s;
            }

            @Override public JournalSink sink() { return first; }

            @Override public JournalSink reopen() { return track(new FileJournalSink(dir, codec)); }

            @Override public void close() { opened.forEach(JournalSink::close); }
        };
    }

    static Opened tables(AppConfig.DatabaseSettings settings) {
        Database db = Database.open(settings);
        var codec = new RoomStateCodec();
        return new Opened() {
            final JournalSink first = new SqlJournalSink(db, codec);

            @Override public JournalSink sink() { return first; }

            @Override public JournalSink reopen() { return new SqlJournalSink(db, codec); }

            @Override public void close() { db.close(); }
        };
    }

    static List<String> names() throws Exception { return all().map(a -> (String) a.get()[0]).toList(); }
}
