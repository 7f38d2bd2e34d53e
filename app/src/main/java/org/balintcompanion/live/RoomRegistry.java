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

import org.balintcompanion.room.Participant;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;
import org.balintcompanion.room.RoomState;
import org.balintcompanion.wire.Frames;

/** The open rooms of this process. Opening a room starts a new epoch: its clients resync from the snapshot. */
public final class RoomRegistry {
    private final Map<RoomId, LiveRoom> rooms = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Executor pool;
    private final Frames frames;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Duration grace;
    private final int connectionsPerMember;

    public RoomRegistry(Executor pool, Frames frames, Clock clock, ScheduledExecutorService timers, Duration grace,
                        int connectionsPerMember) {
        this.pool = pool;
        this.frames = frames;
        this.clock = clock;
        this.timers = timers;
        this.grace = grace;
        this.connectionsPerMember = connectionsPerMember;
    }

    /** Opens a room, or returns the one already open under that id. */
    public LiveRoom open(RoomId id, String title, RoomSettings settings, List<Participant> inSeatOrder) {
        return rooms.computeIfAbsent(id, k -> new LiveRoom(
                RoomState.opening(id, title, UUID.randomUUID().toString(), settings, inSeatOrder, clock.instant()),
                pool, frames, clock, timers, grace, connectionsPerMember, connections::addAndGet));
    }

    public LiveRoom find(RoomId id) { return rooms.get(id); }

    public int roomCount() { return rooms.size(); }

    public int connectionCount() { return connections.get(); }

    public void closeAll(int code, String reason) { rooms.values().forEach(r -> r.closeAll(code, reason)); }
}
