package org.balintcompanion.live;

import java.time.Instant;

import org.balintcompanion.room.Actor;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomState;

/**
 * Where live rooms keep what survives a crash. Calls come from room writers and never block: the store queues them
 * and writes in order. A change's sender hears {@code durable} once the change is on stable storage (then, and only
 * then, may it be acknowledged) or {@code refused} when it can never be written. {@link #whenDurable} runs its task
 * once everything handed over before it is settled.
 */
public interface RoomStore {
    /**
     * False while the store holds as much unwritten work as it may: a member's command is then refused
     * ({@code server_busy}) rather than accepted without durability. The server's own changes are always taken.
     */
    boolean accepting();

    void opened(RoomState initial, String meetingId, Instant at);

    /** One accepted change: the command that made {@code after} from the version before it. */
    void changed(RoomState after, Actor by, Command command, String commandId, String reply, Instant at, Outcome outcome);

    /**
     * A command that changed nothing was answered: remembered with the changes, so that its retry after a restart gets
     * the same answer and is not decided again against a room that has moved on since.
     */
    void unchanged(RoomState at, Actor by, String commandId, String reply, Outcome outcome);

    void closed(RoomId room);

    void whenDurable(Runnable task);

    /** What the sender of a change is told; both run on the store's thread, so they only post to the room. */
    interface Outcome {
        Outcome NONE = new Outcome() {
            @Override public void durable() {}

            @Override public void refused() {}
        };

        void durable();

        void refused();
    }
}
