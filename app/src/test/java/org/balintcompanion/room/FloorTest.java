package org.balintcompanion.room;

import java.util.List;

import org.balintcompanion.room.Command.*;
import org.junit.jupiter.api.Test;

import static org.balintcompanion.room.Decide.*;
import static org.balintcompanion.room.RoomFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloorTest {

    @Test void givingTheFloorToTheNextTakesTheHeadOfTheQueue() {
        RoomState s = accepted(aRoom().withHandsUp(BOB, ALICE).build(), LEADER, new GiveFloor(null));
        assertTrue(s.hasFloor(BOB));
        assertEquals(List.of(ALICE), s.queue().members());
        assertEquals(1, s.participant(BOB).turns());
    }

    @Test void leaderCanGiveFloorOutOfQueueOrder() {
        RoomState s = accepted(aRoom().withHandsUp(BOB, ALICE).build(), LEADER, new GiveFloor(ALICE));
        assertTrue(s.hasFloor(ALICE));
        assertEquals(List.of(BOB), s.queue().members());
    }

    @Test void leaderCanGiveTheFloorToSomeoneWithoutARaisedHand() {
        RoomState s = accepted(aRoom().build(), LEADER, new GiveFloor(CAROL));
        assertTrue(s.hasFloor(CAROL));
    }

    @Test void nextWithAnEmptyQueueIsRefused() {
        rejected(Rejection.NO_ONE_WAITING, aRoom().build(), LEADER, new GiveFloor(null));
    }

    @Test void memberCannotGiveTheFloor() {
        rejected(Rejection.NOT_A_LEADER, aRoom().withHandsUp(BOB).build(), member(ALICE), new GiveFloor(BOB));
    }

    @Test void observerNeverGetsTheFloor() {
        rejected(Rejection.CANNOT_SPEAK, aRoom().build(), LEADER, new GiveFloor(OSCAR));
    }

    @Test void givingTheFloorToSomeoneOffTheRosterIsRefused() {
        rejected(Rejection.NOT_ON_ROSTER, aRoom().build(), LEADER, new GiveFloor(STRANGER));
    }

    @Test void floorHolderEndsTheirOwnTurn() {
        RoomState s = accepted(aRoom().withFloor(ALICE).build(), member(ALICE), new EndTurn());
        assertNull(s.floor());
    }

    @Test void anotherMemberCannotEndSomeonesTurn() {
        rejected(Rejection.NOT_YOUR_TURN, aRoom().withFloor(ALICE).build(), member(BOB), new EndTurn());
    }

    @Test void leaderEndsAnyonesTurn() {
        RoomState s = accepted(aRoom().withFloor(ALICE).build(), LEADER, new EndTurn());
        assertNull(s.floor());
    }

    @Test void endingATurnWhenNobodySpeaksIsRefused() {
        rejected(Rejection.NO_ONE_HAS_FLOOR, aRoom().build(), LEADER, new EndTurn());
    }

    @Test void interruptedSpeakerIsPutBackAtTheHeadAndTheirNextTurnIsNotCountedAgain() {
        RoomState s = accepted(aRoom().withHandsUp(BOB).build(), LEADER, new GiveFloor(ALICE));
        s = accepted(s, LEADER, new PutBack());
        assertNull(s.floor());
        assertEquals(List.of(ALICE, BOB), s.queue().members());
        s = accepted(s, LEADER, new GiveFloor(null));
        assertTrue(s.hasFloor(ALICE));
        assertEquals(1, s.participant(ALICE).turns());
    }

    @Test void underRaiseHandMembersCannotTakeTheFloorThemselves() {
        rejected(Rejection.SPEAKING_RULE_IS_RAISE_HAND, aRoom().build(), member(ALICE), new TakeFloor());
    }

    @Test void underSpeakFreelyAMemberTakesTheFloorAndTheirHandComesDown() {
        RoomState s = accepted(aRoom().with(SpeakingRule.SPEAK_FREELY).withHandsUp(ALICE).build(), member(ALICE), new TakeFloor());
        assertTrue(s.hasFloor(ALICE));
        assertTrue(s.queue().isEmpty());
    }

    @Test void givingTheFloorCountsATurnForSpokenLeastFirst() {
        RoomState s = accepted(aRoom().withHandsUp(BOB).build(), LEADER, new GiveFloor(null));
        s = accepted(s, member(BOB), new EndTurn());
        s = accepted(s, member(BOB), new RaiseHand());
        s = accepted(s, member(ALICE), new RaiseHand());
        assertEquals(List.of(ALICE, BOB), s.queue().members());
    }
}
