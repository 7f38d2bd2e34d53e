package org.balintcompanion.store;

import java.time.Instant;
import java.util.List;

import org.balintcompanion.room.Actor;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomState;

/** What the journal hands its sink, in order. Immutable: rooms' writers never wait for them to be written. */
public sealed interface JournalEntry {
    RoomId room();

    /** A room opened (or reopened under a new epoch): whatever was stored for it before is replaced. */
    record Opened(RoomState state, String meetingId, Instant at) implements JournalEntry {
        @Override public RoomId room() { return state.id(); }
    }

    /**
     * One accepted change: {@code command} made {@code after} from the version before it. With {@code snapshot} the
     * sink also stores {@code after} whole, in the same write, so a snapshot never lands without the change (and
     * its command id) that it contains.
     */
    record Changed(RoomState after, Actor by, Command command, String commandId, String reply, Instant at, boolean snapshot)
            implements JournalEntry {
        @Override public RoomId room() { return after.id(); }
    }

    /**
     * The room's whole state, with the answers it gave lately so their retries are still recognised: written after
     * a restore and when the file journal starts a new segment.
     */
    record Snapshot(RoomState state, String meetingId, List<Answered> answered) implements JournalEntry {
        @Override public RoomId room() { return state.id(); }
    }

    /** A command that changed nothing, answered at the room's version: only its answer is kept, for retries. */
    record Unchanged(RoomId room, long version, Actor by, String commandId, String reply) implements JournalEntry {}

    /** The meeting is over: everything stored for the room is forgotten. */
    record Closed(RoomId room) implements JournalEntry {}

    /** A command id that was answered, so a retry after a restart is answered again instead of applied twice. */
    record Answered(MemberId member, String commandId, String reply) {}
}
