package org.balintcompanion.live;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.balintcompanion.room.LiveRules;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;
import org.balintcompanion.room.RoomState;
import org.balintcompanion.wire.Frames;

/**
 * The open rooms of this process. Every (re)opening starts a new epoch, so clients never mix states from two lives of
 * a room: after a restart they take the new snapshot, whose version continues where the journal left off.
 */
public final class RoomRegistry {
    /** What a restored room needs: its replayed state and the answers it already gave. */
    public record Answer(MemberId member, String commandId, String reply) {}

    private final Map<RoomId, LiveRoom> rooms = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final RoomStore store;
    private final Executor pool;
    private final Frames frames;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Duration grace;
    private final int connectionsPerMember;

    public RoomRegistry(RoomStore store, Executor pool, Frames frames, Clock clock, ScheduledExecutorService timers,
                        Duration grace, int connectionsPerMember) {
        this.store = store;
        this.pool = pool;
        this.frames = frames;
        this.clock = clock;
        this.timers = timers;
        this.grace = grace;
        this.connectionsPerMember = connectionsPerMember;
    }

    /** Opens a room not tied to a scheduled meeting (the demo, load tests). */
    public LiveRoom open(RoomId id, String title, RoomSettings settings, List<Participant> inSeatOrder) {
        return open(id, title, settings, LiveRules.defaults(), inSeatOrder, null);
    }

    /** Opens a room, or returns the one already open under that id. {@code meetingId} may be null (no schedule). */
    public LiveRoom open(RoomId id, String title, RoomSettings settings, LiveRules rules, List<Participant> inSeatOrder,
                         String meetingId) {
        return rooms.computeIfAbsent(id, k -> {
            RoomState initial = RoomState.opening(id, title, newEpoch(), settings, inSeatOrder, clock.instant()).withRules(rules);
            store.opened(initial, meetingId, clock.instant());
            return live(initial);
        });
    }

    /** Brings back a room that was open when the process stopped, under a new epoch. */
    public LiveRoom restore(RoomState replayed, List<Answer> answered) {
        LiveRoom room = live(replayed.withEpoch(newEpoch()));
        answered.forEach(a -> room.rememberAnswered(a.member(), a.commandId(), a.reply()));
        room.resumeAfterRestart();
        rooms.put(replayed.id(), room);
        return room;
    }

    /**
     * Ends a room: {@code last} sees its final state once, then the state is forgotten and its panels closed. The
     * future completes once the store has deleted it; null when no such room is open.
     */
    public java.util.concurrent.CompletableFuture<Void> end(RoomId id, int code, String reason, Consumer<RoomState> last) {
        LiveRoom room = rooms.remove(id);
        if (room == null) return null;
        var forgotten = new java.util.concurrent.CompletableFuture<Void>();
        room.end(code, reason, last, () -> forgotten.complete(null));
        return forgotten;
    }

    public LiveRoom find(RoomId id) { return rooms.get(id); }

    public java.util.Set<RoomId> openRooms() { return java.util.Set.copyOf(rooms.keySet()); }

    public int roomCount() { return rooms.size(); }

    public int connectionCount() { return connections.get(); }

    public void closeAll(int code, String reason) { rooms.values().forEach(r -> r.closeAll(code, reason)); }

    private LiveRoom live(RoomState state) {
        return new LiveRoom(state, store, pool, frames, clock, timers, grace, connectionsPerMember, connections::addAndGet);
    }

    private static String newEpoch() { return UUID.randomUUID().toString(); }
}
