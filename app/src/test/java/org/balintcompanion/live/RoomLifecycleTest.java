package org.balintcompanion.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.room.Actor;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;
import org.balintcompanion.room.RoomState;
import org.balintcompanion.wire.Frames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each step of a room's life, OPENING → LIVE → ENDING → ENDED, with the room writers and the store's durability both
 * in the test's hands: writer tasks run when {@link #runRooms()} says so, and the store reports nothing durable until
 * {@link SlowStore#sync()}, as a slow disk would.
 */
class RoomLifecycleTest {
    private static final RoomId ROOM = RoomId.of("m-1");
    private static final MemberId LEA = MemberId.of("lea");

    private final ArrayDeque<Runnable> roomTasks = new ArrayDeque<>();
    private final Executor pool = roomTasks::add;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final SlowStore store = new SlowStore();
    private final RoomRegistry rooms = new RoomRegistry(store, pool, new Frames(new ObjectMapper().getFactory()),
            Clock.systemUTC(), timers, Duration.ofSeconds(30), 3);

    @AfterEach void stopTimers() { timers.shutdownNow(); }

    @Test void anOpenedRoomIsOpeningUntilTheStoreHoldsItThenLive() {
        open();
        assertEquals(RoomStage.OPENING, rooms.stage(ROOM));
        CompletableFuture<Void> live = rooms.whenLive(ROOM);
        assertFalse(live.isDone());
        store.sync();
        assertEquals(RoomStage.LIVE, rooms.stage(ROOM));
        assertTrue(live.isDone());
    }

    @Test void aRestoredRoomIsLiveAtOnce() {
        RoomState replayed = RoomState.opening(ROOM, "G", "old-epoch", settings(), people(), Instant.now());
        rooms.restore(replayed, List.of());
        assertEquals(RoomStage.LIVE, rooms.stage(ROOM));
        assertTrue(rooms.whenLive(ROOM).isDone());
    }

    @Test void endingClosesThePanelsAndRefusesToReopenUntilTheStoreHasForgottenTheRoom() {
        LiveRoom room = liveRoom();
        var panel = new Panel(LEA, Role.LEADER);
        room.join(panel);
        runRooms();

        CompletableFuture<Void> ended = rooms.end(ROOM, CloseCodes.MEETING_ENDED, "the meeting has ended", s -> {});
        assertEquals(RoomStage.ENDING, rooms.stage(ROOM));
        assertNull(rooms.find(ROOM), "no new panel joins a room that is ending");
        assertThrows(RoomStillEnding.class, this::open, "the old room's deletion could reach a new room's state");
        runRooms();
        assertEquals(CloseCodes.MEETING_ENDED, panel.closedWith);
        assertFalse(ended.isDone());

        store.sync();
        assertEquals(RoomStage.ENDED, rooms.stage(ROOM));
        assertTrue(ended.isDone());
    }

    @Test void aRoomReopenedWhileTheOldOneIsEndingKeepsItsStoredState() {
        liveRoom();
        rooms.end(ROOM, CloseCodes.MEETING_ENDED, "the meeting has ended", s -> {});
        reopenAsTheScheduleDoes();   // refused while ending: the next sweep asks again
        runRooms();
        store.sync();
        reopenAsTheScheduleDoes();
        runRooms();
        store.sync();

        assertEquals(RoomStage.LIVE, rooms.stage(ROOM));
        assertTrue(store.holds(ROOM), "the old room's deletion reached the new room's state");
    }

    private void reopenAsTheScheduleDoes() {
        try {
            open();
        } catch (RoomStillEnding retriedAtTheNextSweep) {
            // what RoomSchedule logs before trying again
        }
    }

    @Test void aRoomStillOpeningCanBeEnded() {
        open();
        assertNotNull(rooms.end(ROOM, CloseCodes.MEETING_ENDED, "the meeting has ended", s -> {}));
        runRooms();
        store.sync();
        assertEquals(RoomStage.ENDED, rooms.stage(ROOM));
        assertFalse(store.holds(ROOM));
    }

    @Test void onlyOneCallerEndsARoom() {
        liveRoom();
        assertNotNull(rooms.end(ROOM, CloseCodes.MEETING_ENDED, "the meeting has ended", s -> {}));
        assertNull(rooms.end(ROOM, CloseCodes.MEETING_ENDED, "the meeting has ended", s -> {}), "already ending");
    }

    @Test void openingAnOpenRoomReturnsTheSameRoom() {
        LiveRoom first = liveRoom();
        assertSame(first, open());
    }

    @Test void aRoomNoLongerWantedIsNotOpened() {
        assertNull(rooms.open(ROOM, "G", settings(), org.balintcompanion.room.LiveRules.defaults(), people(), "m-1", () -> false));
        assertEquals(RoomStage.ENDED, rooms.stage(ROOM));
        assertFalse(store.holds(ROOM));
    }

    @Test void endingARoomTakesItsPanelsOutOfTheConnectionCount() {
        LiveRoom room = liveRoom();
        room.join(new Panel(LEA, Role.LEADER));
        room.join(new Panel(MemberId.of("ana"), Role.MEMBER));
        runRooms();
        assertEquals(2, rooms.connectionCount());
        rooms.end(ROOM, CloseCodes.MEETING_ENDED, "the meeting has ended", s -> {});
        runRooms();
        assertEquals(0, rooms.connectionCount());
    }

    private LiveRoom open() { return rooms.open(ROOM, "G", settings(), people()); }

    private LiveRoom liveRoom() {
        LiveRoom room = open();
        runRooms();
        store.sync();
        return room;
    }

    private void runRooms() {
        for (Runnable r; (r = roomTasks.poll()) != null; ) r.run();
    }

    private static RoomSettings settings() { return RoomSettings.defaults(PhaseTemplate.OPEN); }

    private static List<Participant> people() {
        return List.of(Participant.onRoster(LEA, "Léa", Role.LEADER), Participant.onRoster(MemberId.of("ana"), "Ana", Role.MEMBER));
    }

    /** Writes at once, in order, like the journal; says an entry is durable only when the test syncs. */
    private static final class SlowStore implements RoomStore {
        private final Map<RoomId, RoomState> stored = new HashMap<>();
        private final List<Runnable> waiting = new ArrayList<>();

        @Override public synchronized void opened(RoomState initial, String meetingId, Instant at) { stored.put(initial.id(), initial); }

        @Override public boolean accepting() { return true; }

        @Override public synchronized void changed(RoomState after, Actor by, Command command, String commandId, String reply, Instant at,
                                                   Outcome outcome) {
            waiting.add(outcome::durable);
        }

        @Override public synchronized void unchanged(RoomState at, Actor by, String commandId, String reply, Outcome outcome) {
            waiting.add(outcome::durable);
        }

        @Override public synchronized void closed(RoomId room) { stored.remove(room); }

        @Override public synchronized void whenDurable(Runnable task) { waiting.add(task); }

        synchronized boolean holds(RoomId room) { return stored.containsKey(room); }

        void sync() {
            List<Runnable> due;
            synchronized (this) {
                due = List.copyOf(waiting);
                waiting.clear();
            }
            due.forEach(Runnable::run);
        }
    }

    private static final class Panel implements Connection {
        private final MemberId member;
        private final Role role;
        volatile int closedWith = -1;

        Panel(MemberId member, Role role) {
            this.member = member;
            this.role = role;
        }

        @Override public MemberId member() { return member; }

        @Override public Role role() { return role; }

        @Override public void sendState(EncodedFrame frame) {}

        @Override public void send(String frame) {}

        @Override public void sendSnapshot(String frame) {}

        @Override public void close(int code, String reason) { closedWith = code; }
    }
}
