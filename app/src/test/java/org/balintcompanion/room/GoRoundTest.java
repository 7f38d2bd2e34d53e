package org.balintcompanion.room;

import java.util.List;

import org.balintcompanion.room.Command.*;
import org.junit.jupiter.api.Test;

import static org.balintcompanion.room.Decide.*;
import static org.balintcompanion.room.RoomFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoRoundTest {

    @Test void aGoRoundStepsThroughMembersInSeatOrderSkippingLeadersAndObservers() {
        RoomState s = accepted(aRoom().everyoneConnected().build(), LEADER, new StartGoRound());
        assertEquals(List.of(ALICE, BOB, CAROL, DAN), s.goRound().order());
        assertTrue(s.hasFloor(ALICE));
    }

    @Test void aGoRoundSkipsMembersWhosePanelIsNotConnected_butKeepsThoseInTheRoomOrOnThePhone() {
        RoomState room = aRoom().everyoneConnected()
                .presence(BOB, Presence.ABSENT, null)
                .presence(CAROL, Presence.RECONNECTING, T0)
                .presence(DAN, Presence.GONE, T0).attendance(DAN, Attendance.PHONE)
                .build();
        RoomState s = accepted(room, LEADER, new StartGoRound());
        assertEquals(List.of(ALICE, DAN), s.goRound().order());
        s = accepted(s, member(ALICE), new Pass());
        assertTrue(s.hasFloor(DAN), "the leader passes the phone for Dan");
    }

    @Test void aRoundWithNobodyConnectedIsRefused() {
        rejected(Rejection.NOBODY_TO_GO_ROUND, aRoom().build(), LEADER, new StartGoRound());
    }

    @Test void passingMovesOnWithoutCountingATurn() {
        RoomState s = accepted(aRoom().everyoneConnected().build(), LEADER, new StartGoRound());
        s = accepted(s, member(ALICE), new Pass());
        assertTrue(s.hasFloor(BOB));
        assertEquals(0, s.participant(ALICE).turns());
    }

    @Test void speakingInARoundCountsOneTurnWhenItEnds() {
        RoomState s = accepted(aRoom().everyoneConnected().build(), LEADER, new StartGoRound());
        s = accepted(s, member(ALICE), new EndTurn());
        assertEquals(1, s.participant(ALICE).turns());
        assertTrue(s.hasFloor(BOB));
    }

    @Test void onlyTheCurrentMemberCanPass() {
        RoomState s = accepted(aRoom().everyoneConnected().build(), LEADER, new StartGoRound());
        rejected(Rejection.NOT_YOUR_TURN_IN_ROUND, s, member(BOB), new Pass());
    }

    @Test void theRoundEndsAfterTheLastMember() {
        RoomState s = accepted(aRoom().everyoneConnected().build(), LEADER, new StartGoRound());
        for (MemberId m : List.of(ALICE, BOB, CAROL, DAN)) s = accepted(s, member(m), new Pass());
        assertNull(s.goRound());
        assertNull(s.floor());
    }

    @Test void theRoundFollowsTheSeatOrderTheLeaderSet() {
        RoomState s = accepted(aRoom().everyoneConnected().build(), LEADER, new SetSeatOrder(List.of(DAN, LEA, CAROL, COLE, BOB, ALICE, OSCAR)));
        s = accepted(s, LEADER, new StartGoRound());
        assertEquals(List.of(DAN, CAROL, BOB, ALICE), s.goRound().order());
    }

    @Test void aSeatOrderMustNameEveryoneOnce() {
        rejected(Rejection.INVALID_SEAT_ORDER, aRoom().everyoneConnected().build(), LEADER, new SetSeatOrder(List.of(DAN, LEA)));
        rejected(Rejection.INVALID_SEAT_ORDER, aRoom().everyoneConnected().build(), LEADER,
                new SetSeatOrder(List.of(DAN, DAN, CAROL, COLE, BOB, ALICE, OSCAR)));
    }

    @Test void startingASecondRoundIsRefused() {
        RoomState s = accepted(aRoom().everyoneConnected().build(), LEADER, new StartGoRound());
        rejected(Rejection.GO_ROUND_RUNNING, s, LEADER, new StartGoRound());
    }

    @Test void leaderEndsTheRoundAndTheFloorWithIt() {
        RoomState s = accepted(aRoom().everyoneConnected().build(), LEADER, new StartGoRound());
        s = accepted(s, LEADER, new EndGoRound());
        assertNull(s.goRound());
        assertNull(s.floor());
    }

    @Test void theListeningPresenterIsLeftOutOfARound() {
        RoomState room = aRoom().everyoneConnected().template(PhaseTemplate.PUSH_BACK_TEMPLATE).inPhase(Phase.PUSH_BACK).withPresenter(BOB).build();
        RoomState s = accepted(room, LEADER, new StartGoRound());
        assertEquals(List.of(ALICE, CAROL, DAN), s.goRound().order());
    }

    @Test void givingTheFloorDuringARoundIsRefused() {
        RoomState s = accepted(aRoom().everyoneConnected().build(), LEADER, new StartGoRound());
        rejected(Rejection.GO_ROUND_RUNNING, s, LEADER, new GiveFloor(CAROL));
    }
}
