package org.balintcompanion.bench;

import java.time.Instant;

import org.balintcompanion.live.RoomStore;
import org.balintcompanion.room.Actor;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomState;

/**
 * A diagnostic store, NOT a fix (`--targets ours-nojournal`): writes nothing and answers "durable" at once, to measure
 * how much of the server's CPU, allocation, GC and latency the durable journal costs. Acks are then sent without
 * durability: never run the app like this.
 */
final class NoJournal implements RoomStore {
    @Override public boolean accepting() { return true; }

    @Override public void opened(RoomState initial, String meetingId, Instant at) {}

    @Override public void changed(RoomState after, Actor by, Command command, String commandId, String reply, Instant at, Outcome outcome) {
        outcome.durable();
    }

    @Override public void unchanged(RoomState at, Actor by, String commandId, String reply, Outcome outcome) { outcome.durable(); }

    @Override public void closed(RoomId room) {}

    @Override public void whenDurable(Runnable task) { task.run(); }
}
