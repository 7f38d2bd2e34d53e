package org.balintcompanion.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the room journal up at start: picks its sink (an append-only file beside the embedded database, the tables
 * on PostgreSQL), reads back what it holds — on the embedded store also the rooms an older release left in its tables
 * — restores room by room, keeps aside the rooms that cannot be restored, and starts the journal holding exactly the
 * restored ones.
 */
public final class JournalStartup {
    private static final Logger log = LoggerFactory.getLogger(JournalStartup.class);

    public record Started(RoomJournal journal, List<StoredRooms.Restored> restored) {}

    private JournalStartup() {}

    public static Started start(Database db, Path dataDir, RoomStateCodec codec, int capacity, UnrestoredRooms unrestored) {
        return start(db, dataDir, codec, capacity, unrestored, nanos -> { });
    }

    /** {@code commitNanos} hears the duration of every durable write (for the metrics). */
    public static Started start(Database db, Path dataDir, RoomStateCodec codec, int capacity, UnrestoredRooms unrestored,
                                java.util.function.LongConsumer commitNanos) {
        long t0 = System.nanoTime();
        var tables = new SqlJournalSink(db, codec);
        JournalSink sink = db.embedded() ? new FileJournalSink(dataDir.resolve("journal"), codec) : tables;
        var stored = new ArrayList<>(sink.recover());
        List<JournalSink.StoredRoom> legacy = db.embedded() ? tables.recover() : List.of();
        var seen = new HashSet<>(stored.stream().map(JournalSink.StoredRoom::id).toList());
        for (var room : legacy) if (seen.add(room.id())) stored.add(room);

        long t1 = System.nanoTime();
        StoredRooms.Result result = new StoredRooms(codec).restore(stored);
        long t2 = System.nanoTime();
        result.unrestorable().forEach(unrestored::keep);
        var journal = new RoomJournal(sink, capacity, commitNanos);
        journal.start(result.restored());
        if (!legacy.isEmpty()) {
            tables.clear();
            log.info("moved {} open rooms from the database tables of an older release into the room journal file", legacy.size());
        }
        if (!stored.isEmpty()) {
            log.info("restored {} rooms in {} ms (reading {} ms, replaying {} ms){}", result.restored().size(),
                    (System.nanoTime() - t0) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    result.unrestorable().isEmpty() ? "" : "; " + result.unrestorable().size() + " kept aside (see /api/rooms/unrestored)");
        }
        return new Started(journal, result.restored());
    }
}
