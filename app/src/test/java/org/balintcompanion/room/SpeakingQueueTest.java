package org.balintcompanion.room;

import java.util.List;

import org.balintcompanion.room.Command.*;
import org.junit.jupiter.api.Test;

import static org.balintcompanion.room.Decide.*;
import static org.balintcompanion.room.RoomFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeakingQueueTest {

    @Test void memberRaisesTheirHandAndJoinsTheQueue() {
        RoomState s = accepted(aRoom().build(), member(ALICE), new RaiseHand());
        assertEquals(List.of(ALICE), s.queue().members());
    }

    @Test void raisingTwiceKeepsTheFirstPlace() {
        RoomState room = aRoom().withHandsUp(BOB, ALICE).build();
        unchanged(room, member(BOB), new RaiseHand());
        assertEquals(List.of(BOB, ALICE), room.queue().members());
    }

    @Test void loweringAHandThatIsNotUpChangesNothing() {
        unchanged(aRoom().build(), member(ALICE), new LowerHand());
    }

    @Test void memberLowersTheirOwnHand() {
        RoomState s = accepted(aRoom().withHandsUp(ALICE, BOB).build(), member(ALICE), new LowerHand());
        assertEquals(List.of(BOB), s.queue().members());
    }

    @Test void spokenLeastFirstPutsQuietMembersAheadOfTalkativeOnes() {
        RoomState room = aRoom().withTurns(BOB, 3).withTurns(CAROL, 1).withHandsUp(BOB, CAROL).build();
        RoomState s = accepted(room, member(ALICE), new RaiseHand());
        assertEquals(List.of(ALICE, BOB, CAROL), s.queue().members());
    }

    @Test void spokenLeastFirstKeepsRaisingOrderAmongEquals() {
        RoomState room = aRoom().withTurns(BOB, 1).withTurns(CAROL, 2).withHandsUp(BOB, CAROL).build();
        RoomState s = accepted(room.withRoster(room.roster().with(room.participant(ALICE).withOneMoreTurn())),
                member(ALICE), new RaiseHand());
        assertEquals(List.of(BOB, ALICE, CAROL), s.queue().members());
    }

    @Test void firstComeIgnoresTurnCounts() {
        RoomState room = aRoom().with(QueuePolicy.FIRST_COME).withTurns(BOB, 5).withHandsUp(BOB).build();
        RoomState s = accepted(room, member(ALICE), new RaiseHand());
        assertEquals(List.of(BOB, ALICE), s.queue().members());
    }

    @Test void leaderRaisesAHandForAPhoneMember() {
        RoomState s = accepted(aRoom().build(), LEADER, new RaiseHandFor(DAN));
        assertEquals(List.of(DAN), s.queue().members());
    }

    @Test void leaderCannotQueueAnObserver() {
        rejected(Rejection.CANNOT_SPEAK, aRoom().build(), LEADER, new RaiseHandFor(OSCAR));
    }

    @Test void leaderLowersOneHand() {
        RoomState s = accepted(aRoom().withHandsUp(ALICE, BOB).build(), CO_LEADER, new LowerHandFor(BOB));
        assertEquals(List.of(ALICE), s.queue().members());
    }

    @Test void leaderLowersAllHands() {
        RoomState s = accepted(aRoom().withHandsUp(ALICE, BOB, CAROL).build(), LEADER, new LowerAllHands());
        assertTrue(s.queue().isEmpty());
    }

    @Test void loweringAllHandsOfAnEmptyQueueChangesNothing() {
        unchanged(aRoom().build(), LEADER, new LowerAllHands());
    }

    @Test void leaderMovesAHandToTheFront() {
        RoomState s = accepted(aRoom().withHandsUp(ALICE, BOB, CAROL).build(), LEADER, new MoveHand(CAROL, 0));
        assertEquals(List.of(CAROL, ALICE, BOB), s.queue().members());
    }

    @Test void movingAHandOutOfTheQueueRangeIsRefused() {
        rejected(Rejection.QUEUE_POSITION_OUT_OF_RANGE, aRoom().withHandsUp(ALICE, BOB).build(), LEADER, new MoveHand(ALICE, 2));
    }

    @Test void movingAHandThatIsNotUpIsRefused() {
        rejected(Rejection.NOT_IN_QUEUE, aRoom().withHandsUp(ALICE).build(), LEADER, new MoveHand(BOB, 0));
    }

    @Test void memberCannotReorderTheQueue() {
        rejected(Rejection.NOT_A_LEADER, aRoom().withHandsUp(ALICE, BOB).build(), member(BOB), new MoveHand(BOB, 0));
    }

    @Test void theFloorHolderCannotAlsoQueue() {
        rejected(Rejection.ALREADY_HAS_FLOOR, aRoom().withFloor(ALICE).build(), member(ALICE), new RaiseHand());
    }

    @Test void leadersMayQueueToo() {
        RoomState s = accepted(aRoom().build(), CO_LEADER, new RaiseHand());
        assertEquals(List.of(COLE), s.queue().members());
    }
}
