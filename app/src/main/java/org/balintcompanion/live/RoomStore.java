package org.balintcompanion.live;

import java.time.Instant;

import org.balintcompanion.room.Actor;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomState;

/**
 * Where live rooms keep what survives a crash. Calls come from room writers and must not block: the store queues
 * them and writes in order. {@link #whenDurable} runs its task once everything handed over before it is written,
 * which is when a command may be acknowledged.
 */
public interface RoomStore {
    void opened(RoomState initial, String meetingId, Instant at);

    /** One accepted change: the command that made {@code after} from the version before it. */
    void changed(RoomState after, Actor by, Command command, String commandId, String reply, Instant at);

    /** A full snapshot, so a restart replays only the changes since. */
    void snapshot(RoomState state);

    void closed(RoomId room);

    void whenDurable(Runnable task);
}
