package org.balintcompanion.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.balintcompanion.room.Actor;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.Decision;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.Room;
import org.balintcompanion.room.RoomState;

/**
 * Reads back the rooms that were open when the process stopped: each snapshot, then its later changes replayed
 * through the same pure rules, which give the same result for the same state, command and time.
 */
public final class StoredRooms {
    /** A command id that was answered, so a retry after the restart is answered again instead of applied twice. */
    public record Answered(MemberId member, String commandId, String reply) {}

    public record Restored(RoomState state, String meetingId, List<Answered> answered) {}

    private final Database db;
    private final RoomStateCodec codec;

    public StoredRooms(Database db, RoomStateCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    public List<Restored> load() {
        return db.read(c -> {
            var rooms = new ArrayList<Restored>();
            try (var ps = c.prepareStatement("SELECT room_id, meeting_id, snapshot_version, snapshot_json FROM live_room ORDER BY room_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RoomState snapshot = codec.readState(rs.getString("snapshot_json"));
                    rooms.add(replay(c, snapshot, rs.getString("meeting_id")));
                }
            }
            return rooms;
        });
    }

    private Restored replay(java.sql.Connection c, RoomState snapshot, String meetingId) throws SQLException {
        RoomState state = snapshot;
        var answered = new ArrayList<Answered>();
        try (var ps = c.prepareStatement(
                "SELECT version, at, actor, actor_role, cmd_id, command_json, reply FROM room_event WHERE room_id = ? ORDER BY version")) {
            ps.setString(1, snapshot.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long version = rs.getLong("version");
                    Role role = Role.valueOf(rs.getString("actor_role"));
                    Actor by = role == Role.SYSTEM ? Actor.SYSTEM : new Actor(MemberId.of(rs.getString("actor")), role);
                    String cmdId = rs.getString("cmd_id");
                    if (cmdId != null) answered.add(new Answered(by.member(), cmdId, rs.getString("reply")));
                    if (version <= state.version()) continue;
                    if (version != state.version() + 1) {
                        throw new IllegalStateException("room " + snapshot.id() + " journal jumps from " + state.version() + " to " + version);
                    }
                    Command command = codec.readCommand(rs.getString("command_json"));
                    Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
                    Decision d = Room.decide(state, by, command, at);
                    if (!(d instanceof Decision.Changed changed)) {
                        throw new IllegalStateException("room " + snapshot.id() + " version " + version + " does not replay: " + d);
                    }
                    state = changed.state().withVersion(version);
                }
            }
        }
        return new Restored(state, meetingId, answered);
    }
}
