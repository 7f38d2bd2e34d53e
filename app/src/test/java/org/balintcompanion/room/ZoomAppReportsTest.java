package org.balintcompanion.room;

import java.util.List;

import org.balintcompanion.room.Command.*;
import org.junit.jupiter.api.Test;

import static org.balintcompanion.room.Decide.*;
import static org.balintcompanion.room.RoomFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the Zoom App reports from inside the Zoom client: hands raised in Zoom's toolbar, and who is which tile. */
class ZoomAppReportsTest {
    static final ZoomParticipantId BOBS_TILE = ZoomParticipantId.of("tile-bob");

    @Test void aHandRaisedInZoomEntersTheQueueSpokenLeastFirst() {
        RoomState room = aRoom().withTurns(BOB, 3).withTurns(CAROL, 1).withHandsUp(BOB, CAROL).build();
        RoomState s = accepted(room, member(ALICE), new ZoomHandRaised(ALICE));
        assertEquals(List.of(ALICE, BOB, CAROL), s.queue().members());
    }

    @Test void theHostsAppReportsAMembersZoomHand() {
        RoomState s = accepted(aRoom().build(), LEADER, new ZoomHandRaised(BOB));
        assertEquals(List.of(BOB), s.queue().members());
    }

    @Test void aZoomHandAlreadyInTheQueueKeepsItsPlace() {
        unchanged(aRoom().withHandsUp(BOB, ALICE).build(), LEADER, new ZoomHandRaised(BOB));
    }

    @Test void loweringTheHandInZoomTakesThePersonOutOfTheQueue() {
        RoomState s = accepted(aRoom().withHandsUp(ALICE, BOB).build(), member(ALICE), new ZoomHandLowered(ALICE));
        assertEquals(List.of(BOB), s.queue().members());
    }

    @Test void aMemberCannotReportAnotherPersonsHand() {
        rejected(Rejection.NOT_A_LEADER, aRoom().build(), member(ALICE), new ZoomHandRaised(BOB));
        rejected(Rejection.NOT_A_LEADER, aRoom().withHandsUp(BOB).build(), member(ALICE), new ZoomHandLowered(BOB));
    }

    @Test void anObserversZoomHandDoesNotQueue() {
        rejected(Rejection.OBSERVER_READ_ONLY, aRoom().build(), OBSERVER, new ZoomHandRaised(OSCAR));
        rejected(Rejection.CANNOT_SPEAK, aRoom().build(), LEADER, new ZoomHandRaised(OSCAR));
    }

    @Test void aMemberBindsTheirOwnZoomTile() {
        RoomState s = accepted(aRoom().build(), member(BOB), new ZoomParticipantBound(BOB, BOBS_TILE));
        assertEquals(BOBS_TILE, s.participant(BOB).zoomParticipant());
    }

    @Test void aMemberCannotTakeATileBoundToSomeoneElse() {
        RoomState room = accepted(aRoom().build(), member(BOB), new ZoomParticipantBound(BOB, BOBS_TILE));
        rejected(Rejection.ZOOM_PARTICIPANT_TAKEN, room, member(ALICE), new ZoomParticipantBound(ALICE, BOBS_TILE));
    }

    @Test void aLeaderMovesAWronglyBoundTileToTheRightPerson() {
        RoomState room = accepted(aRoom().build(), member(BOB), new ZoomParticipantBound(BOB, BOBS_TILE));
        RoomState s = accepted(room, LEADER, new ZoomParticipantBound(ALICE, BOBS_TILE));
        assertEquals(BOBS_TILE, s.participant(ALICE).zoomParticipant());
        assertNull(s.participant(BOB).zoomParticipant());
    }
}
