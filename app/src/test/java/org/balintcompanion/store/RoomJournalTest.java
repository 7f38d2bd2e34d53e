package org.balintcompanion.store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.balintcompanion.config.AppConfig;
import org.balintcompanion.room.Actor;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.Decision;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.Room;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;
import org.balintcompanion.room.RoomState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoomJournalTest {
    private static final Instant T0 = Instant.parse("2026-11-27T18:00:00Z");
    private static final Actor LEA = new Actor(MemberId.of("lea"), Role.LEADER);

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> databases() throws Exception {
        return org.balintcompanion.support.TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRoomIsReadBackExactlyFromItsSnapshotAndJournal(String name, AppConfig.DatabaseSettings settings) throws Exception {
        RoomState state = RoomState.opening(RoomId.of("r1"), "Groupe", "e1", RoomSettings.defaults(PhaseTemplate.OPEN), List.of(
                Participant.onRoster(MemberId.of("lea"), "Léa", Role.LEADER),
                Participant.onRoster(MemberId.of("ana"), "Ana", Role.MEMBER),
                Participant.onRoster(MemberId.of("ben"), "Ben", Role.MEMBER)), T0);
        List<Command> commands = List.of(new Command.RaiseHandFor(MemberId.of("ana")), new Command.RaiseHandFor(MemberId.of("ben")),
                new Command.GiveFloor(null), new Command.SetPhase(org.balintcompanion.room.Phase.WHO_HAS_A_CASE),
                new Command.SetPresenter(MemberId.of("ben")));
        try (Database db = Database.open(settings)) {
            var journal = new RoomJournal(db, new RoomStateCodec());
            journal.opened(state, null, T0);
            int i = 0;
            for (Command c : commands) {
                Instant at = T0.plusSeconds(++i);
                state = ((Decision.Changed) Room.decide(state, LEA, c, at)).state().withVersion(state.version() + 1);
                journal.changed(state, LEA, c, "c" + i, "{\"type\":\"ack\",\"id\":\"c" + i + "\",\"version\":" + state.version() + "}", at);
                if (i == 2) journal.snapshot(state);
            }
            var durable = new CountDownLatch(1);
            journal.whenDurable(durable::countDown);
            assertTrue(durable.await(5, TimeUnit.SECONDS));
            journal.close();

            var restored = new StoredRooms(db, new RoomStateCodec()).load();
            assertEquals(1, restored.size());
            assertEquals(state, restored.get(0).state());
            assertEquals(commands.size(), restored.get(0).answered().size(), "every answered id is remembered");
        }
    }
}
