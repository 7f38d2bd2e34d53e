package org.balintcompanion.live;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.balintcompanion.room.LiveRules;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;
import org.balintcompanion.room.RoomState;
import org.balintcompanion.wire.Frames;

/**
 * The rooms of this process and the one owner of each room's life: {@link RoomStage#OPENING} → {@code LIVE} →
 * {@code ENDING} → {@code ENDED}, forward only. A room stays here until the store has durably forgotten it, so it
 * cannot be opened again while its old state is being deleted. Every (re)opening starts a new epoch, so clients never
 * mix states from two lives of a room: after a restart they take the new snapshot, whose version continues where the
 * journal left off.
 */
public final class RoomRegistry {
    /** What a restored room needs: its replayed state and the answers it already gave. */
    public record Answer(MemberId member, String commandId, String reply) {}

    /** One life of one room. Its stage only moves forward, by compare-and-set, so two callers never both move it. */
    private static final class Life {
        final LiveRoom room;
        final AtomicReference<RoomStage> stage;
        final CompletableFuture<Void> live = new CompletableFuture<>();
        final CompletableFuture<Void> ended = new CompletableFuture<>();

        Life(LiveRoom room, RoomStage stage) {
            this.room = room;
            this.stage = new AtomicReference<>(stage);
            if (stage == RoomStage.LIVE) live.complete(null);
        }

        boolean move(RoomStage from, RoomStage to) { return stage.compareAndSet(from, to); }
    }

    private final Map<RoomId, Life> rooms = new ConcurrentHashMap<>();
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

    /**
     * Opens a room, or returns the one already open under that id. {@code meetingId} may be null (no schedule).
     *
     * @throws RoomStillEnding while the room's previous life is being deleted from the store
     */
    public LiveRoom open(RoomId id, String title, RoomSettings settings, LiveRules rules, List<Participant> inSeatOrder,
                         String meetingId) {
        return open(id, title, settings, rules, inSeatOrder, meetingId, () -> true);
    }

    /**
     * As above, but a room not open yet opens only if {@code stillWanted} says so at that very moment: it is asked
     * while no end of this room can run, so a meeting ended or deleted meanwhile is not brought back. Null when not
     * wanted.
     */
    public LiveRoom open(RoomId id, String title, RoomSettings settings, LiveRules rules, List<Participant> inSeatOrder,
                         String meetingId, BooleanSupplier stillWanted) {
        Life opened = rooms.compute(id, (k, existing) -> {
            if (existing != null && existing.stage.get() == RoomStage.ENDING) throw new RoomStillEnding(id);
            if (existing != null) return existing;
            if (!stillWanted.getAsBoolean()) return null;
            RoomState initial = RoomState.opening(id, title, newEpoch(), settings, inSeatOrder, clock.instant()).withRules(rules);
            store.opened(initial, meetingId, clock.instant());
            Life life = new Life(live(initial), RoomStage.OPENING);
            store.whenDurable(() -> {
                life.move(RoomStage.OPENING, RoomStage.LIVE);
                life.live.complete(null);
            });
            return life;
        });
        return opened == null ? null : opened.room;
    }

    /** Brings back a room that was open when the process stopped, under a new epoch: it is live at once. */
    public LiveRoom restore(RoomState replayed, List<Answer> answered) {
        LiveRoom room = live(replayed.withEpoch(newEpoch()));
        answered.forEach(a -> room.rememberAnswered(a.member(), a.commandId(), a.reply()));
        room.resumeAfterRestart();
        rooms.put(replayed.id(), new Life(room, RoomStage.LIVE));
        return room;
    }

    /** Completes once the room's opening is durable (it is {@code LIVE}); null when no such room is open. */
    public CompletableFuture<Void> whenLive(RoomId id) {
        Life life = rooms.get(id);
        return life == null || !life.stage.get().isOpen() ? null : life.live;
    }

    /**
     * Ends a room: {@code last} sees its final state once, then the state is forgotten and its panels closed. The
     * future completes once the store has deleted it (the room is {@code ENDED}); null when no such room is open,
     * including one another caller is ending already.
     */
    public CompletableFuture<Void> end(RoomId id, int code, String reason, Consumer<RoomState> last) {
        var ending = new AtomicReference<Life>();
        // Under the same per-room exclusion as open: an opening in progress finishes first and is then ended.
        rooms.computeIfPresent(id, (k, life) -> {
            if (life.move(RoomStage.LIVE, RoomStage.ENDING) || life.move(RoomStage.OPENING, RoomStage.ENDING)) ending.set(life);
            return life;
        });
        Life life = ending.get();
        if (life == null) return null;
        life.room.end(code, reason, last, () -> {
            rooms.remove(id, life);
            life.stage.set(RoomStage.ENDED);
            life.ended.complete(null);
        });
        return life.ended;
    }

    public RoomStage stage(RoomId id) {
        Life life = rooms.get(id);
        return life == null ? RoomStage.ENDED : life.stage.get();
    }

    /** The room if it is open (opening or live); null once it is ending. */
    public LiveRoom find(RoomId id) {
        Life life = rooms.get(id);
        return life != null && life.stage.get().isOpen() ? life.room : null;
    }

    public Set<RoomId> openRooms() {
        return rooms.entrySet().stream().filter(e -> e.getValue().stage.get().isOpen()).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Rooms held in memory, including those still ending. */
    public int roomCount() { return rooms.size(); }

    public int connectionCount() { return connections.get(); }

    public void closeAll(int code, String reason) { rooms.values().forEach(l -> l.room.closeAll(code, reason)); }

    private LiveRoom live(RoomState state) {
        return new LiveRoom(state, store, pool, frames, clock, timers, grace, connectionsPerMember, connections::addAndGet);
    }

    private static String newEpoch() { return UUID.randomUUID().toString(); }
}
