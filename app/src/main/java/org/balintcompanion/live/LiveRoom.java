package org.balintcompanion.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.balintcompanion.room.Actor;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.Decision;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.Room;
import org.balintcompanion.room.RoomState;
import org.balintcompanion.wire.Frames;
import org.balintcompanion.wire.Inbound;

/**
 * One live room: the only mutable reference to its state and the set of connections that watch it. Every field
 * below is read and written only by tasks on {@link #writer}; nothing here blocks, sleeps or calls Zoom.
 */
public final class LiveRoom {
    /** A snapshot every this many versions bounds what a restart replays. */
    static final long SNAPSHOT_EVERY = 200;

    private final RoomExecutor writer;
    private final RoomStore store;
    private final Frames frames;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Duration grace;
    private final int connectionsPerMember;
    private final RecentReplies recent = new RecentReplies(256);
    private final Map<MemberId, List<Connection>> connections = new HashMap<>();
    private final Consumer<Integer> connectionDelta;
    private RoomState state;
    private long snapshotVersion;
    /** The co-leaders' notes: memory only, never journaled or logged, gone when the meeting ends or the server stops. */
    private final java.util.ArrayDeque<Frames.Note> backchannel = new java.util.ArrayDeque<>();
    private static final int BACKCHANNEL_KEPT = 200;
    /** Set once the meeting is over: from then on the room changes nothing and journals nothing. */
    private boolean ended;

    LiveRoom(RoomState initial, RoomStore store, Executor pool, Frames frames, Clock clock, ScheduledExecutorService timers,
             Duration grace, int connectionsPerMember, Consumer<Integer> connectionDelta) {
        this.state = initial;
        this.snapshotVersion = initial.version();
        this.store = store;
        this.writer = new RoomExecutor(pool);
        this.frames = frames;
        this.clock = clock;
        this.timers = timers;
        this.grace = grace;
        this.connectionsPerMember = connectionsPerMember;
        this.connectionDelta = connectionDelta;
    }

    /** Remembers answers given before a restart, so their retries are answered and not applied again. */
    void rememberAnswered(MemberId member, String commandId, String reply) {
        writer.execute(() -> recent.put(member, commandId, reply));
    }

    /**
     * After a restart nobody is connected any more: everyone who was is shown reconnecting, keeping their hand and
     * floor for the grace period, exactly as if their own connection had dropped.
     */
    void resumeAfterRestart() {
        writer.execute(() -> {
            store.snapshot(state);
            snapshotVersion = state.version();
            for (MemberId m : state.roster().seats()) {
                if (state.participant(m).presence() == org.balintcompanion.room.Presence.CONNECTED) disconnected(m);
            }
        });
    }

    /** A panel opened: mark the person present, then send them the whole room. */
    public void join(Connection c) {
        writer.execute(() -> {
            if (ended) {
                c.close(CloseCodes.MEETING_ENDED, "the meeting has ended");
                return;
            }
            Participant p = state.participant(c.member());
            if (p == null || p.role() != c.role()) {
                c.send(frames.error(null, "token_invalid", "This link is not valid for anyone on this room's roster."));
                c.close(CloseCodes.TOKEN_INVALID, "not on this room's roster");
                return;
            }
            List<Connection> mine = connections.computeIfAbsent(c.member(), k -> new ArrayList<>(2));
            if (mine.isEmpty()) apply(Actor.SYSTEM, new Command.PanelConnected(c.member()));
            mine.add(c);
            connectionDelta.accept(1);
            if (mine.size() > connectionsPerMember) {
                Connection oldest = mine.remove(0);
                connectionDelta.accept(-1);
                oldest.close(CloseCodes.OPENED_ELSEWHERE, "opened in another window");
            }
            c.sendSnapshot(frames.snapshot(state, c.view(), c.member()));
            if (c.view() == Frames.View.LEADER && !backchannel.isEmpty()) c.send(frames.backchannel(List.copyOf(backchannel)));
        });
    }

    /**
     * A note from one leader to the others, relayed at once and answered with an ack at the current version. A note
     * re-sent with an id already answered (after a reconnect) gets that answer again and is not relayed twice.
     */
    public void backchannel(Connection from, String id, String text) {
        writer.execute(() -> {
            if (ended) return;
            String earlier = recent.get(from.member(), id);
            if (earlier != null) {
                from.send(earlier);
                return;
            }
            var note = new Frames.Note(from.member().value(), state.participant(from.member()).name(), text, clock.instant());
            backchannel.addLast(note);
            if (backchannel.size() > BACKCHANNEL_KEPT) backchannel.removeFirst();
            String frame = frames.backchannel(List.of(note));
            for (List<Connection> list : connections.values()) {
                for (Connection c : list) if (c.view() == Frames.View.LEADER) c.send(frame);
            }
            String ack = frames.ack(id, state.version());
            recent.put(from.member(), id, ack);
            from.send(ack);
        });
    }

    /** A panel closed or dropped. The person keeps their hand and floor until the grace period ends. */
    public void leave(Connection c) {
        writer.execute(() -> {
            if (ended) return;
            List<Connection> mine = connections.get(c.member());
            if (mine == null || !mine.remove(c)) return;
            connectionDelta.accept(-1);
            if (!mine.isEmpty()) return;
            connections.remove(c.member());
            disconnected(c.member());
        });
    }

    private void disconnected(MemberId m) {
        apply(Actor.SYSTEM, new Command.PanelDisconnected(m));
        Participant p = state.participant(m);
        if (p.reconnectingSince() != null) {
            var expiry = new Command.GraceExpired(m, p.reconnectingSince());
            try {
                timers.schedule(() -> writer.execute(() -> apply(Actor.SYSTEM, expiry)), grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // The server is stopping: the restart shows everyone reconnecting and arms new timers.
            }
        }
    }

    /**
     * A command from a connection: answered by exactly one ack or error, and applied at most once per id. The new
     * state goes out to everyone at once; the ack waits until the change is durable, so an ack survives a crash.
     */
    public void submit(Connection c, Inbound.RoomCommand in) {
        writer.execute(() -> {
            if (ended) return;
            String earlier = recent.get(c.member(), in.id());
            if (earlier != null) {
                store.whenDurable(() -> c.send(earlier));
                return;
            }
            if (in.expectedVersion() >= 0 && in.expectedVersion() != state.version()) {
                String stale = frames.error(in.id(), "stale_version",
                        "The room changed since you looked (it is now at version " + state.version() + ").");
                recent.put(c.member(), in.id(), stale);
                c.send(stale);
                return;
            }
            Actor by = new Actor(c.member(), c.role());
            Instant now = now();
            Decision d = Room.decide(state, by, in.command(), now);
            String reply = switch (d) {
                case Decision.Rejected r -> frames.error(in.id(), r.reason());
                case Decision.Unchanged u -> frames.ack(in.id(), state.version());
                case Decision.Changed ch -> {
                    commit(ch.state());
                    String ack = frames.ack(in.id(), state.version());
                    store.changed(state, by, in.command(), in.id(), ack, now);
                    yield ack;
                }
            };
            recent.put(c.member(), in.id(), reply);
            if (d instanceof Decision.Rejected) c.send(reply); else store.whenDurable(() -> c.send(reply));
        });
    }

    /** The client saw a gap or a new epoch and asks for the whole room again. */
    public void resync(Connection c) {
        writer.execute(() -> c.sendSnapshot(frames.snapshot(state, c.view(), c.member())));
    }

    /**
     * A change reported from outside the room (Zoom presence). {@code stillCurrent} runs on the writer, so ordering
     * checks between deliveries happen in the same order the changes are applied.
     */
    public void submitSystem(Command command, java.util.function.BooleanSupplier stillCurrent) {
        writer.execute(() -> {
            if (!ended && stillCurrent.getAsBoolean()) apply(Actor.SYSTEM, command);
        });
    }

    /** Reads the state on the writer, e.g. for a test checking what the server holds; never blocks the room. */
    public void read(Consumer<RoomState> reader) { writer.execute(() -> reader.accept(state)); }

    /** The meeting is over: forget the room's state (turn counts, signals, checklist answers) and close every panel. */
    void end(int code, String reason, Consumer<RoomState> last, Runnable forgotten) {
        writer.execute(() -> {
            ended = true;
            backchannel.clear();
            last.accept(state);
            store.closed(state.id());
            store.whenDurable(forgotten);
            for (List<Connection> list : connections.values()) for (Connection c : List.copyOf(list)) c.close(code, reason);
        });
    }

    /** Closes every connection, e.g. at shutdown, with a code that tells clients to come back. */
    public void closeAll(int code, String reason) {
        writer.execute(() -> {
            for (List<Connection> list : connections.values()) for (Connection c : List.copyOf(list)) c.close(code, reason);
        });
    }

    /**
     * The room's time, to the microsecond: the journal's timestamps keep microseconds (H2 and PostgreSQL alike), and a
     * replay must decide with exactly the time the live room used.
     */
    private Instant now() { return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); }

    /** A change the server itself makes (presence, grace expiry): applied, broadcast and journaled like any other. */
    private void apply(Actor by, Command command) {
        if (ended) return;   // a grace timer may still fire after the meeting ended
        Instant now = now();
        if (Room.decide(state, by, command, now) instanceof Decision.Changed changed) {
            commit(changed.state());
            store.changed(state, by, command, null, null, now);
        }
    }

    private void commit(RoomState next) {
        RoomState before = state;
        state = next.withVersion(before.version() + 1);
        broadcast(before);
        if (state.version() - snapshotVersion >= SNAPSHOT_EVERY) {
            store.snapshot(state);
            snapshotVersion = state.version();
        }
    }

    /** One frame per role view, written once and shared; private parts go only to the person they belong to. */
    private void broadcast(RoomState before) {
        EncodedFrame leaderFrame = null;
        EncodedFrame memberFrame = null;
        for (var entry : connections.entrySet()) {
            // A person's private part is written once for all of their open panels, and only when it changed.
            String you = privateChanged(before, state, entry.getKey()) ? frames.you(state, entry.getKey()) : null;
            for (Connection c : entry.getValue()) {
                EncodedFrame frame;
                if (c.view() == Frames.View.LEADER) {
                    frame = leaderFrame != null ? leaderFrame : (leaderFrame = new EncodedFrame(frames.state(state, Frames.View.LEADER)));
                } else {
                    frame = memberFrame != null ? memberFrame : (memberFrame = new EncodedFrame(frames.state(state, Frames.View.MEMBER)));
                }
                c.sendState(frame);
                if (you != null) c.send(you);
            }
        }
    }

    private static boolean privateChanged(RoomState before, RoomState after, MemberId m) {
        if (before.signals() != after.signals()
                && (before.signals().hasCase().contains(m) != after.signals().hasCase().contains(m)
                    || before.signals().tooMuch().contains(m) != after.signals().tooMuch().contains(m))) {
            return true;
        }
        Participant a = before.participant(m);
        Participant b = after.participant(m);
        return a != b && !a.confirmed().equals(b.confirmed());
    }
}
