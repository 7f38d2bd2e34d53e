package org.balintcompanion.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.balintcompanion.live.RoomStore;
import org.balintcompanion.room.Actor;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every room's changes to the database with group commit: one thread takes everything queued, writes it in
 * one transaction, commits, and only then runs the tasks waiting for durability (the acks). Rooms never wait for the
 * disk; a command's ack waits for at most one commit. JSON is written on this thread, off the rooms' writers.
 */
public final class RoomJournal implements RoomStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RoomJournal.class);
    /** Changes kept behind the last snapshot so a retried command id is still recognised after a restart. */
    static final long KEPT_BEHIND_SNAPSHOT = 1000;
    private static final int MAX_BATCH = 1024;

    private sealed interface Entry {}
    private record Open(RoomState state, String meetingId, Instant at) implements Entry {}
    private record Change(RoomState after, Actor by, Command command, String commandId, String reply, Instant at) implements Entry {}
    private record Snapshot(RoomState state) implements Entry {}
    private record Close(RoomId room) implements Entry {}
    private record AfterDurable(Runnable task) implements Entry {}
    private record Stop() implements Entry {}

    private final Database db;
    private final RoomStateCodec codec;
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean stopped;

    public RoomJournal(Database db, RoomStateCodec codec) {
        this.db = db;
        this.codec = codec;
        this.writer = Thread.ofPlatform().name("room-journal").daemon().start(this::run);
    }

    @Override public void opened(RoomState initial, String meetingId, Instant at) { offer(new Open(initial, meetingId, at)); }

    @Override public void changed(RoomState after, Actor by, Command command, String commandId, String reply, Instant at) {
        offer(new Change(after, by, command, commandId, reply, at));
    }

    @Override public void snapshot(RoomState state) { offer(new Snapshot(state)); }

    @Override public void closed(RoomId room) { offer(new Close(room)); }

    @Override public void whenDurable(Runnable task) { offer(new AfterDurable(task)); }

    private void offer(Entry e) {
        if (stopped) throw new IllegalStateException("the room journal is closed");
        queue.add(e);
    }

    private void run() {
        var batch = new ArrayList<Entry>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH);
            boolean stop = batch.stream().anyMatch(Stop.class::isInstance);
            writeUntilDone(batch);
            for (Entry e : batch) {
                if (e instanceof AfterDurable a) runQuietly(a.task());
            }
            batch.clear();
            if (stop) return;
        }
    }

    /**
     * Retries until written: nothing may be acknowledged that is not on disk. The one exception is a write the
     * database refuses on its integrity rules (a change for a room already ended and deleted): retrying could never
     * succeed and would hold every other room's acks, so such entries are written one by one and the refused ones
     * dropped with an error in the log.
     */
    private void writeUntilDone(List<Entry> batch) {
        long backoffMs = 50;
        while (true) {
            try {
                db.inTransaction(c -> {
                    write(c, batch);
                    return null;
                });
                db.makeDurable();
                return;
            } catch (StoreException e) {
                if (e.isIntegrityViolation()) {
                    writeOneByOne(batch);
                    return;
                }
                log.error("cannot write room changes; acks wait until the database answers (retry in {} ms): {}", backoffMs, e.getMessage());
                try {
                    TimeUnit.MILLISECONDS.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMs = Math.min(5000, backoffMs * 2);
            }
        }
    }

    private void writeOneByOne(List<Entry> batch) {
        for (Entry e : batch) {
            if (e instanceof AfterDurable) continue;
            try {
                db.inTransaction(c -> {
                    write(c, List.of(e));
                    return null;
                });
            } catch (StoreException failure) {
                if (!failure.isIntegrityViolation()) {
                    writeUntilDone(List.of(e));
                    continue;
                }
                log.error("dropped a room change the database refuses ({}); its room no longer exists", failure.getMessage());
            }
        }
        db.makeDurable();
    }

    private void write(Connection c, List<Entry> batch) throws SQLException {
        try (PreparedStatement insertEvent = c.prepareStatement(
                "INSERT INTO room_event (room_id, version, at, actor, actor_role, cmd_id, command_json, reply) VALUES (?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            for (Entry e : batch) {
                if (e instanceof Change ch) {
                    insertEvent.setString(1, ch.after().id().value());
                    insertEvent.setLong(2, ch.after().version());
                    insertEvent.setObject(3, time(ch.at()));
                    insertEvent.setString(4, ch.by().member().value());
                    insertEvent.setString(5, ch.by().role().name());
                    insertEvent.setString(6, ch.commandId());
                    insertEvent.setString(7, codec.write(ch.command()));
                    insertEvent.setString(8, ch.reply());
                    insertEvent.addBatch();
                    pending++;
                    continue;
                }
                if (pending > 0) {
                    insertEvent.executeBatch();
                    pending = 0;
                }
                switch (e) {
                    case Open o -> open(c, o);
                    case Snapshot s -> snapshot(c, s.state());
                    case Close cl -> close(c, cl.room());
                    case Change ch -> throw new AssertionError("handled above");
                    case AfterDurable a -> { }
                    case Stop s -> { }
                }
            }
            if (pending > 0) insertEvent.executeBatch();
        }
    }

    private void open(Connection c, Open o) throws SQLException {
        close(c, o.state().id());
        try (var ps = c.prepareStatement(
                "INSERT INTO live_room (room_id, meeting_id, snapshot_version, snapshot_json, opened_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, o.state().id().value());
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
            ps.executeUpdate();
        }
        try (var ps = c.prepareStatement("DELETE FROM room_event WHERE room_id = ? AND version <= ?")) {
            ps.setString(1, s.id().value());
            ps.setLong(2, s.version() - KEPT_BEHIND_SNAPSHOT);
            ps.executeUpdate();
        }
    }

    private static void close(Connection c, RoomId room) throws SQLException {
        for (String sql : List.of("DELETE FROM room_event WHERE room_id = ?", "DELETE FROM live_room WHERE room_id = ?")) {
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, room.value());
                ps.executeUpdate();
            }
        }
    }

    static OffsetDateTime time(Instant at) { return at.atOffset(ZoneOffset.UTC); }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("a task waiting for durability failed", e);
        }
    }

    /** Writes everything already queued, then stops. */
    @Override public void close() throws InterruptedException {
        if (stopped) return;
        queue.add(new Stop());
        stopped = true;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
