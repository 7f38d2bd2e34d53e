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
import org.balintcompanion.room.Role;
import org.balintcompanion.room.Room;
import org.balintcompanion.room.RoomState;
import org.balintcompanion.wire.Frames;
import org.balintcompanion.wire.Inbound;

/**
 * One live room: the only mutable reference to its state and the set of connections that watch it. Every field
 * below is read and written only by tasks on {@link #writer}; nothing here blocks, sleeps or calls Zoom.
 */
public final class LiveRoom {
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
    /** The co-leaders' notes: memory only, never journaled or logged, gone when the meeting ends or the server stops. */
    private final java.util.ArrayDeque<Frames.Note> backchannel = new java.util.ArrayDeque<>();
    private static final int BACKCHANNEL_KEPT = 200;
    /** Set once the meeting is over: from then on the room changes nothing and journals nothing. */
    private boolean ended;
    /** Whose access was withdrawn: refused even if their upgrade passed just before the revocation. */
    private final java.util.Set<MemberId> withdrawn = new java.util.HashSet<>();
    /** Written only by the writer; read by upgrades on other threads, hence an immutable copy behind a volatile. */
    private volatile Map<MemberId, Role> rosterRoles;

    LiveRoom(RoomState initial, RoomStore store, Executor pool, Frames frames, Clock clock, ScheduledExecutorService timers,
             Duration grace, int connectionsPerMember, Consumer<Integer> connectionDelta) {
        this.state = initial;
        this.store = store;
        this.writer = new RoomExecutor(pool);
        this.frames = frames;
        this.clock = clock;
        this.timers = timers;
        this.grace = grace;
        this.connectionsPerMember = connectionsPerMember;
        this.connectionDelta = connectionDelta;
        publishRoster();
    }

    /** Remembers answers given before a restart, so their retries are answered and not applied again. */
    void rememberAnswered(MemberId member, String commandId, String reply) {
        writer.execute(() -> recent.put(member, commandId, reply));
    }

    /**
     * After a restart nobody is connected any more: everyone who was is shown reconnecting, keeping their hand and
     * floor for the grace period, exactly as if their own connection had dropped. Those who were already
     * reconnecting get a new grace period too: the timers armed before the restart died with the process.
     */
    void resumeAfterRestart() {
        writer.execute(() -> {
            for (MemberId m : state.roster().seats()) {
                Participant p = state.participant(m);
                switch (p.presence()) {
                    case CONNECTED -> disconnected(m);
                    case RECONNECTING -> armGrace(m, p.reconnectingSince());
                    default -> { }
                }
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
            if (p == null) {
                c.send(frames.error(null, "token_invalid", "This link is not valid for anyone on this room's roster."));
                c.close(CloseCodes.TOKEN_INVALID, "not on this room's roster");
                return;
            }
            if (withdrawn.contains(c.member())) {
                c.close(CloseCodes.ACCESS_WITHDRAWN, "your access to this meeting was withdrawn");
                return;
            }
            if (p.role() != c.role()) {   // the role changed between the upgrade and now: come back with the new one
                c.close(CloseCodes.ROLE_CHANGED, "your role in the group changed");
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
        if (p.reconnectingSince() != null) armGrace(m, p.reconnectingSince());
    }

    /** Only this disconnection's timer can end it: a reconnect in between makes the expiry change nothing. */
    private void armGrace(MemberId m, Instant since) {
        var expiry = new Command.GraceExpired(m, since);
        try {
            timers.schedule(() -> writer.execute(() -> apply(Actor.SYSTEM, expiry)), grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // The server is stopping: the restart shows everyone reconnecting and arms new timers.
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
            if (!store.accepting()) {
                // Not remembered: the same id may be sent again once the store has caught up.
                c.send(frames.error(in.id(), "server_busy",
                        "The server is saving changes more slowly than they arrive: this one was not applied. Try again in a moment."));
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
                    yield frames.ack(in.id(), state.version());
                }
            };
            recent.put(c.member(), in.id(), reply);
            switch (d) {
                case Decision.Rejected r -> c.send(reply);
                case Decision.Unchanged u -> store.unchanged(state, by, in.id(), reply, new AckWhenDurable(c, in.id(), reply));
                case Decision.Changed ch -> store.changed(state, by, in.command(), in.id(), reply, now, new AckWhenDurable(c, in.id(), reply));
            }
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
            for (MemberId m : List.copyOf(connections.keySet())) closePanelsOf(m, code, reason);
        });
    }

    /**
     * The role the roster gives {@code m} now, or null when they are not on it. Read by the upgrade on any thread, so
     * it comes from a copy the writer publishes whenever the roster changes.
     */
    public Role rosterRole(MemberId m) { return rosterRoles.get(m); }

    /** Every link {@code m} held was revoked: their panels close for good; they leave the queue and the floor. */
    public void accessWithdrawn(MemberId m) {
        writer.execute(() -> {
            if (ended) return;
            withdrawn.add(m);
            apply(Actor.SYSTEM, new Command.AccessWithdrawn(m));
            closePanelsOf(m, CloseCodes.ACCESS_WITHDRAWN, "your access to this meeting was withdrawn");
        });
    }

    /** A leader gave {@code m} a new link after withdrawing their access: they may join again. */
    public void accessRestored(MemberId m) { writer.execute(() -> withdrawn.remove(m)); }

    /**
     * One of {@code m}'s links was revoked. Panels do not know which link opened them, so all of {@code m}'s panels
     * are asked to reconnect: those holding another valid link come back at once, the revoked one is refused.
     */
    public void linkWithdrawn(MemberId m) {
        writer.execute(() -> {
            if (ended || !connections.containsKey(m)) return;
            closePanelsOf(m, CloseCodes.LINK_WITHDRAWN, "one of your links was withdrawn");
            disconnected(m);   // reconnecting, keeping their place for the grace period
        });
    }

    /** {@code m} was taken off the group's roster (or deleted): they leave the room altogether. */
    public void removedFromRoster(MemberId m) {
        writer.execute(() -> {
            if (ended) return;
            // Closed first: the room's next state is not for someone off its roster.
            closePanelsOf(m, CloseCodes.REMOVED_FROM_ROSTER, "you are no longer on this group's roster");
            apply(Actor.SYSTEM, new Command.RemovedFromRoster(m));
            publishRoster();
        });
    }

    /** {@code m}'s role changed: their panels reconnect and get the view of the new role; hand and floor follow the rules. */
    public void roleChanged(MemberId m, Role role) {
        writer.execute(() -> {
            if (ended) return;
            boolean connected = connections.containsKey(m);
            closePanelsOf(m, CloseCodes.ROLE_CHANGED, "your role in the group changed");   // the old view gets nothing more
            apply(Actor.SYSTEM, new Command.RoleChanged(m, role));
            publishRoster();
            if (connected) disconnected(m);   // reconnecting, keeping their place for the grace period
        });
    }

    private void closePanelsOf(MemberId m, int code, String reason) {
        List<Connection> mine = connections.remove(m);
        if (mine == null) return;
        connectionDelta.accept(-mine.size());   // their leave() finds nothing to take back
        for (Connection c : mine) c.close(code, reason);
    }

    private void publishRoster() {
        var roles = new HashMap<MemberId, Role>();
        for (MemberId m : state.roster().seats()) roles.put(m, state.participant(m).role());
        rosterRoles = Map.copyOf(roles);
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
            store.changed(state, by, command, null, null, now, RoomStore.Outcome.NONE);
        }
    }

    private void commit(RoomState next) {
        RoomState before = state;
        state = next.withVersion(before.version() + 1);
        broadcast(before);
    }

    /**
     * The sender's answer once the store has decided: the ack when the change is durable; when it can never be
     * saved, an error in its place (remembered for retries), while the room shows the change it has already made.
     */
    private final class AckWhenDurable implements RoomStore.Outcome {
        private final Connection sender;
        private final String id;
        private final String ack;

        AckWhenDurable(Connection sender, String id, String ack) {
            this.sender = sender;
            this.id = id;
            this.ack = ack;
        }

        @Override public void durable() { sender.send(ack); }

        @Override public void refused() {
            writer.execute(() -> {
                String error = frames.error(id, "not_saved",
                        "The room shows this change but could not save it: it would be lost if the server restarted.");
                recent.put(sender.member(), id, error);
                sender.send(error);
            });
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
