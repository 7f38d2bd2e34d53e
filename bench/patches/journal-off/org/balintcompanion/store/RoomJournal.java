package org.balintcompanion.store;

import java.time.Instant;

import org.balintcompanion.live.RoomStore;
import org.balintcompanion.room.Actor;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomState;

/*
 * BENCH PATCH "journal-off" (bench/patches, used only by `bench/run.sh --targets ours-nojournal`): a diagnostic, NOT a
 * fix. Replaces the app's RoomJournal (commit d9ec1fa) by one that writes nothing and answers "durable" at once, to
 * measure how much of the server's CPU, allocation, GC and latency the durable journal costs. Acks are then sent
 * without durability: never run this in production.
 */
public final class RoomJournal implements RoomStore, AutoCloseable {
    static final long KEPT_BEHIND_SNAPSHOT = 1000;

    public RoomJournal(Database db, RoomStateCodec codec) {}

    @Override public void opened(RoomState initial, String meetingId, Instant at) {}

    @Override public void changed(RoomState after, Actor by, Command command, String commandId, String reply, Instant at) {}

    @Override public void snapshot(RoomState state) {}

    @Override public void closed(RoomId room) {}

    @Override public void whenDurable(Runnable task) { task.run(); }

    @Override public void close() {}
}
