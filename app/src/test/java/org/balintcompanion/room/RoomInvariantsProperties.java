package org.balintcompanion.room;

import java.util.HashSet;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.balintcompanion.room.Command.*;

import static org.balintcompanion.room.RoomFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random command sequences from random roles never break the room's invariants. */
class RoomInvariantsProperties {
    private static final List<MemberId> EVERYONE = List.of(LEA, COLE, ALICE, BOB, CAROL, DAN, OSCAR, STRANGER);

    record Step(Actor by, Command command) {}

    @Property(tries = 400)
    void invariantsHoldAfterEveryCommand(@ForAll("sessions") List<Step> steps, @ForAll boolean pushBack) {
        RoomState s = aRoom().template(pushBack ? PhaseTemplate.PUSH_BACK_TEMPLATE : PhaseTemplate.OPEN).build();
        long version = s.version();
        for (Step step : steps) {
            Decision d = Room.decide(s, step.by(), step.command(), Decide.NOW);
            if (step.by().role() == Role.OBSERVER && !(step.command() instanceof Command.ConfirmChecklistItem)) {
                assertFalse(d instanceof Decision.Changed, "an observer changed the room");
            }
            if (d instanceof Decision.Changed c) {
                assertTrue(c.state() != s, "a change must be a new state");
                s = c.state().withVersion(++version);
            }
            checkInvariants(s);
        }
    }

    @Property(tries = 200)
    void refusedCommandsLeaveTheRoomExactlyAsItWas(@ForAll("sessions") List<Step> steps) {
        var codec = new org.balintcompanion.store.RoomStateCodec();
        RoomState s = aRoom().build();
        for (Step step : steps) {
            String before = codec.write(s);   // every field, as stored: a rule writing into the old room shows here
            Decision d = Room.decide(s, step.by(), step.command(), Decide.NOW);
            if (d instanceof Decision.Changed c) {
                assertNotEquals(s, c.state().withVersion(s.version()), step + " was reported as a change but changed nothing");
                s = c.state().withVersion(s.version() + 1);
            } else {
                assertEquals(before, codec.write(s), step + " was refused or changed nothing, yet the room differs");
            }
        }
    }

    @Property(tries = 150)
    void everyReachableStateSurvivesTheStoreUnchanged(@ForAll("sessions") List<Step> steps) {
        var codec = new org.balintcompanion.store.RoomStateCodec();
        RoomState s = aRoom().template(PhaseTemplate.PUSH_BACK_TEMPLATE).build();
        for (Step step : steps) {
            if (Room.decide(s, step.by(), step.command(), Decide.NOW) instanceof Decision.Changed c) s = c.state();
            assertEquals(step.command(), codec.readCommand(codec.write(step.command())));
        }
        assertEquals(s, codec.readState(codec.write(s)));
    }

    private static void checkInvariants(RoomState s) {
        List<MemberId> queued = s.queue().members();
        assertEquals(queued.size(), new HashSet<>(queued).size(), "nobody is queued twice");
        if (s.floor() != null) {
            assertFalse(queued.contains(s.floor().member()), "the floor holder is never in the queue");
            assertTrue(s.participant(s.floor().member()).role().speaks(), "observers never hold the floor");
        }
        for (MemberId m : queued) {
            assertNotNull(s.participant(m), "only people on the roster queue");
            assertTrue(s.participant(m).role().speaks(), "observers never queue");
        }
        if (s.phase().phase().presenterListens()) {
            assertFalse(queued.contains(s.presenter()), "the listening presenter never queues");
            assertFalse(s.presenter() != null && s.hasFloor(s.presenter()), "the listening presenter never holds the floor");
        }
        if (s.phase().phase().needsPresenter()) assertNotNull(s.presenter(), "a case phase always has a presenter");
        assertTrue(s.roster().isSeatOrder(s.roster().seats()), "the seat order names everyone once");
    }

    @Provide Arbitrary<List<Step>> sessions() {
        Arbitrary<Actor> actors = Arbitraries.of(EVERYONE).flatMap(m -> Arbitraries.of(Role.values())
                .map(r -> r == Role.SYSTEM ? Actor.SYSTEM : new Actor(m, roleOnRoster(m, r))));
        return Combinators.combine(actors, commands()).as(Step::new).list().ofMaxSize(60);
    }

    /** Mostly the roster's own role, as tokens carry it; sometimes a forged one, which the roster overrides. */
    private static Role roleOnRoster(MemberId m, Role drawn) {
        RoomState s = aRoom().build();
        return s.participant(m) != null && drawn.ordinal() % 2 == 0 ? s.participant(m).role() : drawn;
    }

    private Arbitrary<Command> commands() {
        Arbitrary<MemberId> anyone = Arbitraries.of(EVERYONE);
        Arbitrary<MemberId> anyoneOrNull = anyone.injectNull(0.2);
        return Arbitraries.oneOf(List.of(
                Arbitraries.just(new RaiseHand()), Arbitraries.just(new LowerHand()), Arbitraries.just(new TakeFloor()),
                Arbitraries.just(new EndTurn()), Arbitraries.just(new Pass()),
                Arbitraries.of(true, false).map(SignalCase::new), Arbitraries.of(true, false).map(SignalTooMuch::new),
                Arbitraries.of("alone", "unheard", "nope").map(i -> new ConfirmChecklistItem(i, true)),
                anyone.map(RaiseHandFor::new), anyone.map(LowerHandFor::new), Arbitraries.just(new LowerAllHands()),
                Combinators.combine(anyone, Arbitraries.integers().between(-1, 5)).as(MoveHand::new),
                anyoneOrNull.map(GiveFloor::new), Arbitraries.just(new PutBack()),
                anyone.list().ofMaxSize(8).map(SetSeatOrder::new),
                Arbitraries.just(new SetSeatOrder(List.of(DAN, LEA, CAROL, COLE, BOB, ALICE, OSCAR))),
                Arbitraries.just(new StartGoRound()), Arbitraries.just(new EndGoRound()),
                Arbitraries.of(Phase.class).map(SetPhase::new), anyoneOrNull.map(SetPresenter::new),
                Arbitraries.of(SpeakingRule.class).map(SetSpeakingRule::new),
                Arbitraries.of(QueuePolicy.class).map(SetQueuePolicy::new),
                Arbitraries.of(MutePolicy.class).map(SetMutePolicy::new),
                Arbitraries.of(true, false).map(PauseQuestions::new), anyone.map(ClearTooMuch::new),
                Combinators.combine(anyone, Arbitraries.of(Attendance.class)).as(SetAttendance::new),
                anyone.map(PanelConnected::new), anyone.map(PanelDisconnected::new),
                anyone.map(m -> new GraceExpired(m, Decide.NOW)),
                Combinators.combine(anyone, Arbitraries.of(ZoomPresence.ZoomEvent.class)).as(ZoomSeen::new),
                Arbitraries.just(new ZoomMeetingEnded()), anyone.map(AccessWithdrawn::new), anyone.map(RemovedFromRoster::new),
                Combinators.combine(anyone, Arbitraries.of(Role.LEADER, Role.CO_LEADER, Role.MEMBER, Role.OBSERVER)).as(RoleChanged::new)));
    }
}
