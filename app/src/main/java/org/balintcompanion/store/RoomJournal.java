package org.balintcompanion.store;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Writes every room's changes with group commit: one thread takes everything queued, hands it to the sink in one
 * durable write, and only then runs what waits for durability (the acks). Rooms never wait for the disk; an ack waits
 * for at most one write.
 *
 * <p>Its life: {@code NEW} → {@link #start} (after the restore, with the rooms it restored) → {@code RUNNING} →
 * {@link #close} (drains what is queued) → {@code STOPPED}. Failures, by class ({@link JournalFailure.Kind}):
 * <ul>
 *   <li>transient (disk, connection, lock): the batch is retried with backoff, nothing is dropped and nothing
 *       acknowledged meanwhile; {@link #health()} says so; the bounded queue makes members' commands
 *       {@code server_busy} when full;</li>
 *   <li>refused (a value the store can never take): the batch is written entry by entry; a refused change is written
 *       instead as a snapshot of the room after it (its effect durable, its id not), and only if that fails too is
 *       its sender told it was not saved;</li>
 *   <li>a bug (any other exception or error on this thread): logged and treated as transient, so the thread never
 *       dies and acks resume once the cause is gone.</li>
 * </ul>
 */
public final class RoomJournal implements RoomStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RoomJournal.class);
    /** A snapshot every this many versions bounds what a restart replays. */
    static final long SNAPSHOT_EVERY = 200;
    private static final int MAX_BATCH = 1024;
    private static final long MAX_BACKOFF_MS = 5000;
    /** Once stopping, how long a failing store is retried before the changes still queued are given up. */
    private static final long STOP_RETRY_MS = 5000;

    public enum State { NEW, RUNNING, RETRYING, STOPPED }

    /** What {@code /healthz} shows: whether changes are being written, and how much waits. */
    public record Health(State state, int queued, String lastFailure, boolean writerAlive) {
        public boolean healthy() { return (state == State.RUNNING || state == State.NEW) && writerAlive; }
    }

    private record Item(JournalEntry entry, Outcome outcome, Runnable barrier) {
        static final Item STOP = new Item(null, Outcome.NONE, null);
    }

    /** What the journal knows of an open room: enough to write its snapshot when the sink starts afresh. */
    private static final class Track {
        final String meetingId;
        RoomState latest;
        long snapshotVersion;
        boolean snapshotNext;
        final ArrayDeque<JournalEntry.Answered> answered = new ArrayDeque<>();

        Track(String meetingId, RoomState state) {
            this.meetingId = meetingId;
            this.latest = state;
            this.snapshotVersion = state.version();
        }

        void answered(JournalEntry.Answered a) {
            answered.addLast(a);
            if (answered.size() > FileJournalSink.ANSWERS_KEPT) answered.removeFirst();
        }

        JournalEntry.Snapshot snapshot() { return new JournalEntry.Snapshot(latest, meetingId, List.copyOf(answered)); }
    }

    private final JournalSink sink;
    private final int capacity;
    private final java.util.function.LongConsumer commitNanos;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    /** Touched only by the writer thread (and by {@link #start} before it runs). */
    private final Map<RoomId, Track> tracks = new HashMap<>();
    private final Thread writer;
    private volatile State state = State.NEW;
    private volatile String lastFailure;
    private volatile boolean stopping;
    private long stoppingSince;

    RoomJournal(JournalSink sink, int capacity) { this(sink, capacity, nanos -> { }); }

    /** {@code commitNanos} hears how long each durable write of a batch took (the metrics' commit latency). */
    RoomJournal(JournalSink sink, int capacity, java.util.function.LongConsumer commitNanos) {
        this.sink = sink;
        this.capacity = capacity;
        this.commitNanos = commitNanos;
        this.writer = Thread.ofPlatform().name("room-journal").daemon().unstarted(this::run);
    }

    /**
     * Makes the sink hold exactly the restored rooms (what could not be restored is left out), then starts writing.
     * Entries handed over before this wait in the queue.
     */
    public void start(List<StoredRooms.Restored> restored) {
        if (state != State.NEW) throw new IllegalStateException("the room journal is " + state);
        var snapshots = new ArrayList<JournalEntry.Snapshot>();
        for (var r : restored) {
            var t = new Track(r.meetingId(), r.state());
            r.answered().stream().skip(Math.max(0, r.answered().size() - FileJournalSink.ANSWERS_KEPT)).forEach(t::answered);
            tracks.put(r.state().id(), t);
            snapshots.add(t.snapshot());
        }
        long backoff = 50;
        while (true) {
            try {
                sink.rebase(snapshots);
                break;
            } catch (JournalFailure f) {
                if (f.kind() == JournalFailure.Kind.REFUSED) throw new IllegalStateException("the room journal refuses the restored rooms: " + f.getMessage());
                log.error("cannot prepare the room journal ({}); retrying in {} ms", f.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
        state = State.RUNNING;
        writer.start();
    }

    @Override public boolean accepting() { return !stopping && queue.size() < capacity; }

    @Override public void opened(RoomState initial, String meetingId, Instant at) {
        offer(new Item(new JournalEntry.Opened(initial, meetingId, at), Outcome.NONE, null));
    }

    @Override public void changed(RoomState after, Actor by, Command command, String commandId, String reply, Instant at, Outcome outcome) {
        offer(new Item(new JournalEntry.Changed(after, by, command, commandId, reply, at, false), outcome, null));
    }

    @Override public void unchanged(RoomState at, Actor by, String commandId, String reply, Outcome outcome) {
        offer(new Item(new JournalEntry.Unchanged(at.id(), at.version(), by, commandId, reply), outcome, null));
    }

    @Override public void closed(RoomId room) { offer(new Item(new JournalEntry.Closed(room), Outcome.NONE, null)); }

    @Override public void whenDurable(Runnable task) { offer(new Item(null, Outcome.NONE, task)); }

    public Health health() { return new Health(state, queue.size(), lastFailure, writer.isAlive() || state == State.NEW || state == State.STOPPED); }

    private void offer(Item item) {
        if (state == State.STOPPED) throw new IllegalStateException("the room journal is stopped");
        queue.add(item);
    }

    // ---- the writer thread

    private void run() {
        var batch = new ArrayList<Item>();
        while (true) {
            try {
                if (batch.isEmpty()) {
                    batch.add(queue.take());
                    queue.drainTo(batch, MAX_BATCH - 1);
                    prepare(batch);
                }
                boolean stop = batch.stream().anyMatch(it -> it == Item.STOP);
                write(batch);
                batch.clear();
                if (stop) break;
                sink.compactIfDue(this::openRooms);
            } catch (InterruptedException e) {
                break;
            } catch (JournalFailure f) {
                // Compaction failed: the current segment stays in use and compaction is tried after the next batch.
                failing(f.getMessage());
            } catch (Throwable bug) {
                // Never let the thread die: the batch is kept and tried again; /healthz reports the failure meanwhile.
                log.error("room journal failed unexpectedly; retrying", bug);
                failing(bug.getClass().getSimpleName());
                sleep(MAX_BACKOFF_MS / 5);
            }
        }
        state = State.STOPPED;
    }

    /** Marks the changes that carry their room's snapshot: every {@link #SNAPSHOT_EVERY} versions, or after a refusal. */
    private void prepare(List<Item> batch) {
        for (int i = 0; i < batch.size(); i++) {
            Item it = batch.get(i);
            if (!(it.entry() instanceof JournalEntry.Changed ch)) continue;
            Track t = tracks.get(ch.room());
            if (t == null) continue;
            if (t.snapshotNext || ch.after().version() - t.snapshotVersion >= SNAPSHOT_EVERY) {
                batch.set(i, new Item(new JournalEntry.Changed(ch.after(), ch.by(), ch.command(), ch.commandId(), ch.reply(), ch.at(), true),
                        it.outcome(), null));
                t.snapshotVersion = ch.after().version();
                t.snapshotNext = false;
            }
        }
    }

    /**
     * Writes the batch, then — when a room ended in it — has the sink forget that room's data, and only then tells
     * the senders and runs the barriers: "durable" and "forgotten" are both true when they are heard.
     */
    private void write(List<Item> batch) throws InterruptedException {
        var tell = new ArrayList<Runnable>(batch.size());
        List<JournalEntry> entries = entries(batch);
        if (entries.isEmpty() || !appendRetrying(entries, batch, tell)) {
            for (Item it : batch) {
                if (it.entry() != null) {
                    written(it.entry());
                    tell.add(it.outcome()::durable);
                } else if (it.barrier() != null) {
                    tell.add(it.barrier());
                }
            }
        }
        if (batch.stream().anyMatch(it -> it.entry() instanceof JournalEntry.Closed)) forgetRetrying();
        tell.forEach(RoomJournal::runQuietly);
    }

    /** An ended room's state (checklist answers, signals) leaves the disk before its end is confirmed. */
    private void forgetRetrying() throws InterruptedException {
        long backoff = 50;
        while (true) {
            try {
                sink.forgetClosed(openRooms());
                recovered();
                return;
            } catch (JournalFailure f) {
                if (givingUp(f, 0)) return;
                failing(f.getMessage());
                log.error("cannot remove an ended room's data ({}); retrying in {} ms", f.getMessage(), backoff);
                TimeUnit.MILLISECONDS.sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    /** False when written whole; true when it was settled otherwise (entry by entry, or given up), callbacks in {@code tell}. */
    private boolean appendRetrying(List<JournalEntry> entries, List<Item> batch, List<Runnable> tell) throws InterruptedException {
        long backoff = 50;
        while (true) {
            try {
                long t0 = System.nanoTime();
                sink.append(entries);
                commitNanos.accept(System.nanoTime() - t0);
                recovered();
                return false;
            } catch (JournalFailure f) {
                if (f.kind() == JournalFailure.Kind.REFUSED) {
                    oneByOne(batch, tell);
                    return true;
                }
                if (givingUp(f, entries.size())) {
                    for (Item it : batch) {
                        if (it.entry() != null) tell.add(it.outcome()::refused);
                        else if (it.barrier() != null) tell.add(it.barrier());
                    }
                    return true;
                }
                failing(f.getMessage());
                log.error("cannot write room changes ({}); their acks wait; retrying in {} ms", f.getMessage(), backoff);
                TimeUnit.MILLISECONDS.sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    /** Finds the entries the store refuses; writes every other one, retrying those whose failure may pass. */
    private void oneByOne(List<Item> batch, List<Runnable> tell) throws InterruptedException {
        for (Item it : batch) {
            if (it.entry() == null) {
                if (it.barrier() != null) tell.add(it.barrier());
                continue;
            }
            JournalEntry entry = owingSnapshot(it.entry());
            if (appendOne(entry)) {
                written(entry);
                tell.add(it.outcome()::durable);
                continue;
            }
            if (entry instanceof JournalEntry.Changed ch && writtenAsSnapshot(ch)) {
                tell.add(it.outcome()::durable);
                continue;
            }
            refused(it.entry());
            tell.add(it.outcome()::refused);
        }
    }

    /** A change after a refused one in the same batch carries the whole room, so the store has no gap. */
    private JournalEntry owingSnapshot(JournalEntry e) {
        if (e instanceof JournalEntry.Changed ch && !ch.snapshot() && tracks.get(ch.room()) instanceof Track t && t.snapshotNext) {
            t.snapshotNext = false;
            t.snapshotVersion = ch.after().version();
            return new JournalEntry.Changed(ch.after(), ch.by(), ch.command(), ch.commandId(), ch.reply(), ch.at(), true);
        }
        return e;
    }

    /** True when written; false when refused for good. Transient failures are retried here. */
    private boolean appendOne(JournalEntry e) throws InterruptedException {
        long backoff = 50;
        while (true) {
            try {
                sink.append(List.of(e));
                recovered();
                return true;
            } catch (JournalFailure f) {
                if (f.kind() == JournalFailure.Kind.REFUSED) {
                    log.error("the store refuses a change to room {} ({})", e.room(), f.getMessage());
                    return false;
                }
                if (givingUp(f, 1)) return false;
                failing(f.getMessage());
                TimeUnit.MILLISECONDS.sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    /** A change the store refuses (a value it cannot hold) still becomes durable through its room's whole state. */
    private boolean writtenAsSnapshot(JournalEntry.Changed ch) throws InterruptedException {
        Track t = tracks.get(ch.room());
        if (t == null) return false;
        RoomState before = t.latest;
        t.latest = ch.after();
        if (appendOne(t.snapshot())) {
            t.snapshotVersion = ch.after().version();
            log.warn("room {}: a change the store refuses was kept as a snapshot at version {}; its command id is not remembered",
                    ch.room(), ch.after().version());
            return true;
        }
        t.latest = before;
        return false;
    }

    private void written(JournalEntry e) {
        switch (e) {
            case JournalEntry.Opened o -> tracks.put(o.room(), new Track(o.meetingId(), o.state()));
            case JournalEntry.Changed ch -> {
                Track t = tracks.get(ch.room());
                if (t == null) return;
                t.latest = ch.after();
                if (ch.commandId() != null) t.answered(new JournalEntry.Answered(ch.by().member(), ch.commandId(), ch.reply()));
            }
            case JournalEntry.Unchanged u -> {
                if (tracks.get(u.room()) instanceof Track t) t.answered(new JournalEntry.Answered(u.by().member(), u.commandId(), u.reply()));
            }
            case JournalEntry.Snapshot s -> { }
            case JournalEntry.Closed c -> tracks.remove(c.room());
        }
    }

    /** The room's memory has a change its store lacks: its next change carries a whole snapshot, closing the gap. */
    private void refused(JournalEntry e) {
        if (e instanceof JournalEntry.Changed ch && tracks.get(ch.room()) instanceof Track t) {
            t.latest = ch.after();
            t.snapshotNext = true;
        }
    }

    private List<JournalEntry.Snapshot> openRooms() {
        return tracks.values().stream().map(Track::snapshot).toList();
    }

    private boolean givingUp(JournalFailure f, int entries) {
        if (!stopping) return false;
        long now = System.nanoTime();
        if (stoppingSince == 0) stoppingSince = now;
        if (now - stoppingSince < TimeUnit.MILLISECONDS.toNanos(STOP_RETRY_MS)) return false;
        log.error("stopping: {} room changes could not be written ({}) and were never acknowledged", entries, f.getMessage());
        return true;
    }

    private void failing(String why) {
        lastFailure = why;
        if (state == State.RUNNING) state = State.RETRYING;
    }

    private void recovered() {
        if (state == State.RETRYING) {
            state = State.RUNNING;
            log.info("room journal writes again");
        }
    }

    private static List<JournalEntry> entries(List<Item> batch) {
        var out = new ArrayList<JournalEntry>(batch.size());
        for (Item it : batch) if (it.entry() != null) out.add(it.entry());
        return out;
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("a task waiting for durability failed", e);
        }
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes everything already queued, then stops; a failing store is retried a few seconds more, then given up. */
    @Override public void close() throws InterruptedException {
        if (state == State.STOPPED) return;
        stopping = true;
        if (state == State.NEW) {
            state = State.STOPPED;
            sink.close();
            return;
        }
        queue.add(Item.STOP);
        writer.join(TimeUnit.SECONDS.toMillis(STOP_RETRY_MS / 1000 + 10));
        state = State.STOPPED;
        sink.close();
    }
}
