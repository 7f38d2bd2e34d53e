package org.balintcompanion.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.balintcompanion.config.AppConfig;
import org.balintcompanion.room.RoomState;
import org.balintcompanion.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rooms open during an upgrade come back: the previous release's rows (written by commit 59cf113, in its format 0,
 * in its tables — test resource store/previous-release-rooms.sql) are restored by this one, on both stores.
 */
class StoredFormatTest {
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> databases() throws Exception {
        return TestDatabases.all();
    }

    private static String resource(String name) throws Exception {
        try (var in = Objects.requireNonNull(StoredFormatTest.class.getResourceAsStream("/store/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static RoomState expectedFinalState() throws Exception {
        return new RoomStateCodec().readState(resource("previous-release-final-state.json"));
    }

    private static void insert(Database db, String sql) {
        db.inTransaction(c -> {
            try (var st = c.createStatement()) {
                for (String line : sql.split("\n")) if (line.startsWith("INSERT")) st.execute(line.substring(0, line.length() - 1));
            }
            return null;
        });
    }

    private static Database database(String name, Path data) throws Exception {
        AppConfig.DatabaseSettings settings = name.equals("H2")
                ? new AppConfig.DatabaseSettings("jdbc:h2:file:" + data.resolve("balint"), "balint", "") : TestDatabases.postgres();
        return Database.open(settings);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void roomsThePreviousReleaseLeftOpenComeBackAfterTheUpgrade(String name, AppConfig.DatabaseSettings ignored, @TempDir Path data) throws Exception {
        var unrestored = new UnrestoredRooms(data, Clock.systemUTC());
        try (Database db = database(name, data)) {
            insert(db, resource("previous-release-rooms.sql"));
            var started = JournalStartup.start(db, data, new RoomStateCodec(), 100, unrestored);
            assertEquals(List.of(), unrestored.list());
            assertEquals(1, started.restored().size());
            var room = started.restored().get(0);
            assertEquals(expectedFinalState(), room.state());
            assertNull(room.state().settings().startsAt(), "a room stored before starts were kept has none");
            assertNull(room.state().settings().timeZone());
            assertEquals(List.of("a-1", "a-2", "b-1", "l-1", "l-2", "c-1", "l-3", "a-3"),
                    room.answered().stream().map(JournalEntry.Answered::commandId).toList(), "its answers are remembered");
            started.journal().close();

            // A second start finds the room where the new release keeps it (on the embedded store: the journal file).
            var again = JournalStartup.start(db, data, new RoomStateCodec(), 100, unrestored);
            assertEquals(expectedFinalState(), again.restored().get(0).state());
            again.journal().close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRoomThatCannotBeRestoredIsKeptAsideAndEveryOtherRoomComesBack(String name, AppConfig.DatabaseSettings ignored, @TempDir Path data) throws Exception {
        String rows = resource("previous-release-rooms.sql");
        String future = rows.replace("m-previous", "m-future").replace("VALUES ('m-future', NULL, 7, '{\"id\"", "VALUES ('m-future', NULL, 7, '{\"format\":99,\"id\"");
        String gap = rows.replace("m-previous", "m-gap").lines().filter(l -> !l.contains("'m-gap', 10,")).reduce("", (a, b) -> a + b + "\n");
        var unrestored = new UnrestoredRooms(data, Clock.systemUTC());
        try (Database db = database(name, data)) {
            insert(db, rows + future + gap);
            var started = JournalStartup.start(db, data, new RoomStateCodec(), 100, unrestored);
            assertEquals(List.of("m-previous"), started.restored().stream().map(r -> r.state().id().value()).toList());
            var kept = unrestored.list();
            assertEquals(List.of("m-future", "m-gap"), kept.stream().map(UnrestoredRooms.Kept::roomId).sorted().toList());
            String reasons = kept.toString();
            assertTrue(reasons.contains("format 99") && reasons.contains("jumps from version 9 to 11"), reasons);
            try (var files = Files.list(data.resolve("unrestored"))) {
                assertEquals(2, files.count(), "what was stored for each is kept aside for an operator");
            }
            started.journal().close();

            var again = JournalStartup.start(db, data, new RoomStateCodec(), 100, unrestored);
            assertEquals(1, again.restored().size(), "a room kept aside is not tried again at every start");
            again.journal().close();
            assertTrue(unrestored.delete("m-gap"));
            assertEquals(List.of("m-future"), unrestored.list().stream().map(UnrestoredRooms.Kept::roomId).toList());
        }
    }

    @Test void writtenStateCarriesItsFormatAndReadsBackTheSame() throws Exception {
        var codec = new RoomStateCodec();
        RoomState s = expectedFinalState();
        String text = codec.write(s);
        assertTrue(text.startsWith("{\"format\":" + RoomStateCodec.FORMAT + ","), text.substring(0, 40));
        assertEquals(s, codec.readState(text));
    }

    @Test void aMeetingsStartAndZoneAreStoredWithItsRoom() throws Exception {
        var codec = new RoomStateCodec();
        RoomState s = expectedFinalState();
        var settings = s.settings().startingAt(java.time.Instant.parse("2026-12-02T18:30:00Z"), java.time.ZoneId.of("Europe/Paris"));
        RoomState dated = new RoomState(s.id(), s.title(), s.epoch(), s.version(), settings, s.roster(), s.queue(), s.floor(),
                s.phase(), s.presenter(), s.goRound(), s.signals(), s.rules(), s.presented());
        String text = codec.write(dated);
        assertTrue(text.contains("\"startsAt\":\"2026-12-02T18:30:00Z\"") && text.contains("\"timeZone\":\"Europe/Paris\""), text);
        assertEquals(dated, codec.readState(text));
    }
}
