package org.balintcompanion.store;

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
 * Reads back the rooms that were open when the process stopped, one by one: each snapshot, then its later changes
 * replayed through the same pure rules, which give the same result for the same state, command and time. A room that
 * cannot be read back (a version gap, a change that no longer replays, a format this release does not know) is
 * reported on its own; every other room comes back.
 */
public final class StoredRooms {
    public record Restored(RoomState state, String meetingId, List<JournalEntry.Answered> answered) {}

    /** A room kept aside: what was stored, and why it could not be restored (no member content in the reason). */
    public record Unrestorable(JournalSink.StoredRoom stored, String reason) {}

    public record Result(List<Restored> restored, List<Unrestorable> unrestorable) {}

    private final RoomStateCodec codec;

    public StoredRooms(RoomStateCodec codec) { this.codec = codec; }

    /** Rooms are independent, so they are read back on every core: a restart is ready sooner. */
    public Result restore(List<JournalSink.StoredRoom> stored) {
        List<Object> outcomes = stored.parallelStream().map(this::tryReplay).toList();
        var restored = new ArrayList<Restored>();
        var failed = new ArrayList<Unrestorable>();
        for (Object o : outcomes) {
            if (o instanceof Restored r) restored.add(r);
            else failed.add((Unrestorable) o);
        }
        return new Result(restored, failed);
    }

    private Object tryReplay(JournalSink.StoredRoom room) {
        try {
            return replay(room);
        } catch (RuntimeException e) {
            return new Unrestorable(room, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private Restored replay(JournalSink.StoredRoom room) {
        if (room.snapshotJson() == null) throw new IllegalStateException("no snapshot to start from");
        RoomState state = codec.readState(room.snapshotJson());
        if (!state.id().equals(room.id())) throw new IllegalStateException("the snapshot is of another room");
        var answered = new ArrayList<>(room.answered());
        for (JournalSink.StoredEvent e : room.events()) {
            Role role = Role.valueOf(e.actorRole());
            Actor by = role == Role.SYSTEM ? Actor.SYSTEM : new Actor(MemberId.of(e.actor()), role);
            if (e.commandId() != null) answered.add(new JournalEntry.Answered(by.member(), e.commandId(), e.reply()));
            if (e.version() <= state.version()) continue;
            if (e.version() != state.version() + 1) {
                throw new IllegalStateException("the journal jumps from version " + state.version() + " to " + e.version());
            }
            Command command = codec.readCommand(e.commandJson());
            Decision d = Room.decide(state, by, command, e.at());
            if (!(d instanceof Decision.Changed changed)) {
                throw new IllegalStateException("version " + e.version() + " (" + command.getClass().getSimpleName() + ") does not replay: "
                        + (d instanceof Decision.Rejected r ? r.reason() : "no change"));
            }
            state = changed.state().withVersion(e.version());
        }
        return new Restored(state, room.meetingId(), answered);
    }
}
