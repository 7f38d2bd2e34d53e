package org.balintcompanion.room;

import java.util.List;

import org.balintcompanion.room.Command.*;
import org.junit.jupiter.api.Test;

import static org.balintcompanion.room.Decide.*;
import static org.balintcompanion.room.RoomFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The group's roster changes while the room is open: nobody keeps a place they may no longer hold. */
class RosterChangeTest {

    @Test void someoneWhoseAccessIsWithdrawnLeavesTheQueueAndIsShownGone() {
        RoomState s = accepted(aRoom().withHandsUp(BOB, CAROL).build(), Actor.SYSTEM, new AccessWithdrawn(BOB));
        assertEquals(List.of(CAROL), s.queue().members());
        assertEquals(Presence.GONE, s.participant(BOB).presence());
        assertTrue(s.roster().contains(BOB), "still on the roster: a leader may give them a new link");
    }

    @Test void someoneWhoseAccessIsWithdrawnLosesTheFloor() {
        RoomState s = accepted(aRoom().withFloor(BOB).build(), Actor.SYSTEM, new AccessWithdrawn(BOB));
        assertNull(s.floor());
    }

    @Test void aGoRoundMovesOnWhenItsCurrentMemberLosesAccess() {
        RoomState s = accepted(aRoom().everyoneConnected().build(), LEADER, new StartGoRound());
        s = accepted(s, Actor.SYSTEM, new AccessWithdrawn(ALICE));
        assertTrue(s.hasFloor(BOB));
    }

    @Test void someoneTakenOffTheRosterLeavesEveryTrace() {
        RoomState s = aRoom().withHandsUp(BOB).build().withSignals(Signals.NONE.withCase(BOB, true).withTooMuch(BOB, true));
        s = accepted(s, Actor.SYSTEM, new RemovedFromRoster(BOB));
        assertFalse(s.roster().contains(BOB));
        assertFalse(s.roster().seats().contains(BOB));
        assertTrue(s.queue().isEmpty());
        assertEquals(Signals.NONE, s.signals());
    }

    @Test void aGoRoundGoesOnWithoutSomeoneTakenOffTheRoster() {
        RoomState s = accepted(aRoom().everyoneConnected().build(), LEADER, new StartGoRound());
        s = accepted(s, Actor.SYSTEM, new RemovedFromRoster(ALICE));
        assertEquals(List.of(BOB, CAROL, DAN), s.goRound().order());
        assertTrue(s.hasFloor(BOB));
        s = accepted(s, Actor.SYSTEM, new RemovedFromRoster(DAN));
        assertEquals(List.of(BOB, CAROL), s.goRound().order());
        assertEquals(BOB, s.goRound().current());
    }

    @Test void aCaseCannotGoOnWithoutItsPresenter() {
        RoomState s = aRoom().withPresenter(BOB).inPhase(Phase.TELLING).withFloor(BOB).build();
        s = accepted(s, Actor.SYSTEM, new RemovedFromRoster(BOB));
        assertEquals(Phase.CASE_CLOSED, s.phase().phase());
        assertNull(s.presenter());
        assertNull(s.floor());
    }

    @Test void someoneTakenOffTheRosterIsNoLongerListedAsHavingPresented() {
        RoomState s = aRoom().inPhase(Phase.WHO_HAS_A_CASE).withPresenter(BOB).build();
        s = accepted(s, LEADER, new SetPhase(Phase.TELLING));
        assertEquals(List.of(BOB), s.presented());
        assertEquals(List.of(), accepted(s, Actor.SYSTEM, new RemovedFromRoster(BOB)).presented());
    }

    @Test void aMemberMadeObserverLeavesTheQueueTheFloorAndTheirSignals() {
        RoomState s = aRoom().withHandsUp(BOB).build().withSignals(Signals.NONE.withCase(BOB, true));
        s = accepted(s, Actor.SYSTEM, new RoleChanged(BOB, Role.OBSERVER));
        assertEquals(Role.OBSERVER, s.participant(BOB).role());
        assertTrue(s.queue().isEmpty());
        assertEquals(Signals.NONE, s.signals());
    }

    @Test void aCoLeaderMadeMemberKeepsTheirRaisedHand() {
        RoomState s = accepted(aRoom().withHandsUp(COLE).build(), Actor.SYSTEM, new RoleChanged(COLE, Role.MEMBER));
        assertEquals(Role.MEMBER, s.participant(COLE).role());
        assertEquals(List.of(COLE), s.queue().members());
    }

    @Test void theNewRoleIsWhatThePermissionsSee() {
        RoomState s = accepted(aRoom().build(), Actor.SYSTEM, new RoleChanged(COLE, Role.MEMBER));
        rejected(Rejection.NOT_A_LEADER, s, new Actor(COLE, Role.MEMBER), new LowerAllHands());
        rejected(Rejection.ROLE_CHANGED, s, CO_LEADER, new LowerAllHands());
    }

    @Test void theSameRoleAgainChangesNothing() {
        unchanged(aRoom().build(), Actor.SYSTEM, new RoleChanged(BOB, Role.MEMBER));
    }

    @Test void nobodyOffTheRosterCanBeChanged() {
        rejected(Rejection.NOT_ON_ROSTER, aRoom().build(), Actor.SYSTEM, new RemovedFromRoster(STRANGER));
        rejected(Rejection.NOT_ON_ROSTER, aRoom().build(), Actor.SYSTEM, new AccessWithdrawn(STRANGER));
        rejected(Rejection.NOT_ON_ROSTER, aRoom().build(), Actor.SYSTEM, new RoleChanged(STRANGER, Role.MEMBER));
    }

    @Test void theServerIsNeverARoleOnTheRoster() {
        assertThrows(IllegalArgumentException.class, () -> new RoleChanged(BOB, Role.SYSTEM));
    }

    @Test void onlyTheServerChangesTheRosterOfAnOpenRoom() {
        for (Command c : List.of(new AccessWithdrawn(BOB), new RoleChanged(BOB, Role.LEADER), new RemovedFromRoster(BOB))) {
            rejected(Rejection.SYSTEM_ONLY, aRoom().build(), LEADER, c);
            rejected(Rejection.SYSTEM_ONLY, aRoom().build(), member(BOB), c);
        }
    }
}
