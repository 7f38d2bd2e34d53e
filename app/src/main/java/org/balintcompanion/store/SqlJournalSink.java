package org.balintcompanion.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomState;

/**
 * The room journal in the database's {@code live_room} and {@code room_event} tables: the choice on PostgreSQL,
 * whose commit is durable. One transaction per batch; a change that carries a snapshot updates the room's row in the
 * same transaction as its own event, so neither lands without the other.
 */
final class SqlJournalSink implements JournalSink {
    /** Changes kept behind the last snapshot so a retried command id is still recognised after a restart. */
    static final long KEPT_BEHIND_SNAPSHOT = 1000;

    private final Database db;
    private final RoomStateCodec codec;

    SqlJournalSink(Database db, RoomStateCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    @Override public void append(List<JournalEntry> entries) throws JournalFailure {
        try {
            db.inTransaction(c -> {
                write(c, entries);
                return null;
            });
        } catch (StoreException e) {
            throw JournalFailure.of((SQLException) e.getCause());
        } catch (IllegalStateException unencodable) {
            throw JournalFailure.unwritable(unencodable);
        }
    }

    /** The restored rooms' rows stay as they are; the rows of rooms that could not be restored go. */
    @Override public void rebase(List<JournalEntry.Snapshot> rooms) throws JournalFailure {
        try {
            db.inTransaction(c -> {
                try (var ps = c.prepareStatement("SELECT room_id FROM live_room"); ResultSet rs = ps.executeQuery()) {
                    var keep = rooms.stream().map(s -> s.room().value()).collect(java.util.stream.Collectors.toSet());
                    var gone = new ArrayList<RoomId>();
                    while (rs.next()) if (!keep.contains(rs.getString(1))) gone.add(RoomId.of(rs.getString(1)));
                    for (RoomId r : gone) close(c, r);
                }
                return null;
            });
        } catch (StoreException e) {
            throw JournalFailure.of((SQLException) e.getCause());
        }
    }

    private void write(Connection c, List<JournalEntry> batch) throws SQLException {
        try (PreparedStatement insertEvent = c.prepareStatement(
                "INSERT INTO room_event (room_id, version, at, actor, actor_role, cmd_id, command_json, reply) VALUES (?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            for (JournalEntry e : batch) {
                if (e instanceof JournalEntry.Changed ch) {
                    insertEvent.setString(1, ch.room().value());
                    insertEvent.setLong(2, ch.after().version());
                    insertEvent.setObject(3, time(ch.at()));
                    insertEvent.setString(4, ch.by().member().value());
                    insertEvent.setString(5, ch.by().role().name());
                    insertEvent.setString(6, ch.commandId());
                    insertEvent.setString(7, codec.write(ch.command()));
                    insertEvent.setString(8, ch.reply());
                    insertEvent.addBatch();
                    pending++;
                    if (!ch.snapshot()) continue;
                }
                if (pending > 0) {
                    insertEvent.executeBatch();
                    pending = 0;
                }
                switch (e) {
                    case JournalEntry.Unchanged u -> answered(c, u);
                    case JournalEntry.Opened o -> open(c, o);
                    case JournalEntry.Changed ch -> snapshot(c, ch.after());
                    case JournalEntry.Snapshot s -> snapshot(c, s.state());
                    case JournalEntry.Closed cl -> close(c, cl.room());
                }
            }
            if (pending > 0) insertEvent.executeBatch();
        }
    }

    private static void answered(Connection c, JournalEntry.Unchanged u) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO room_answer (room_id, at_version, member_id, cmd_id, reply) VALUES (?,?,?,?,?)")) {
            ps.setString(1, u.room().value());
            ps.setLong(2, u.version());
            ps.setString(3, u.by().member().value());
            ps.setString(4, u.commandId());
            ps.setString(5, u.reply());
            ps.executeUpdate();
        }
    }

    private void open(Connection c, JournalEntry.Opened o) throws SQLException {
        close(c, o.room());
        try (var ps = c.prepareStatement(
                "INSERT INTO live_room (room_id, meeting_id, snapshot_version, snapshot_json, opened_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, o.room().value());
            ps.setString(2, o.meetingId());
            ps.setLong(3, o.state().version());
            ps.setString(4, codec.write(o.state()));
            ps.setObject(5, time(o.at()));
            ps.executeUpdate();
        }
    }

    private void snapshot(Connection c, RoomState s) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE live_room SET snapshot_version = ?, snapshot_json = ? WHERE room_id = ?")) {
            ps.setLong(1, s.version());
            ps.setString(2, codec.write(s));
            ps.setString(3, s.id().value());
            if (ps.executeUpdate() == 0) {
                // The room's row is gone (deleted with its meeting): this change belongs to nothing stored.
                throw new SQLException("no stored room for this snapshot", "23503");
            }
        }
        for (String sql : List.of("DELETE FROM room_event WHERE room_id = ? AND version <= ?",
                "DELETE FROM room_answer WHERE room_id = ? AND at_version <= ?")) {
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, s.id().value());
                ps.setLong(2, s.version() - KEPT_BEHIND_SNAPSHOT);
                ps.executeUpdate();
            }
        }
    }

    private static void close(Connection c, RoomId room) throws SQLException {
        for (String sql : List.of("DELETE FROM room_answer WHERE room_id = ?", "DELETE FROM room_event WHERE room_id = ?",
                "DELETE FROM live_room WHERE room_id = ?")) {
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, room.value());
                ps.executeUpdate();
            }
        }
    }

    @Override public List<StoredRoom> recover() {
        return db.read(c -> {
            var rooms = new ArrayList<StoredRoom>();
            try (var ps = c.prepareStatement("SELECT room_id, meeting_id, snapshot_json FROM live_room ORDER BY room_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    rooms.add(new StoredRoom(RoomId.of(id), rs.getString(2), rs.getString(3), events(c, id), answers(c, id)));
                }
            }
            return rooms;
        });
    }

    private static List<JournalEntry.Answered> answers(Connection c, String room) throws SQLException {
        return Sql.list(c, "SELECT member_id, cmd_id, reply FROM room_answer WHERE room_id = ? ORDER BY id",
                rs -> new JournalEntry.Answered(org.balintcompanion.room.MemberId.of(rs.getString(1)), rs.getString(2), rs.getString(3)), room);
    }

    private static List<StoredEvent> events(Connection c, String room) throws SQLException {
        var events = new ArrayList<StoredEvent>();
        try (var ps = c.prepareStatement(
                "SELECT version, at, actor, actor_role, cmd_id, command_json, reply FROM room_event WHERE room_id = ? ORDER BY version")) {
            ps.setString(1, room);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new StoredEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return events;
    }

    /** Forgets every stored room: after their import into the file journal, the tables of an older release are emptied. */
    void clear() {
        db.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM room_answer");
                st.executeUpdate("DELETE FROM room_event");
                st.executeUpdate("DELETE FROM live_room");
            }
            return null;
        });
    }

    static OffsetDateTime time(Instant at) { return at.atOffset(ZoneOffset.UTC); }

    @Override public void close() {}
}
