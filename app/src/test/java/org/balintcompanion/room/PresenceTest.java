package org.balintcompanion.room;

import java.util.List;

import org.balintcompanion.room.Command.*;
import org.junit.jupiter.api.Test;

import static org.balintcompanion.room.Decide.*;
import static org.balintcompanion.room.RoomFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresenceTest {

    @Test void aDroppedConnectionKeepsTheHandAndTheFloorDuringTheGracePeriod() {
        RoomState s = aRoom().withHandsUp(BOB).withFloor(ALICE).presence(BOB, Presence.CONNECTED, null)
                .presence(ALICE, Presence.CONNECTED, null).build();
        s = accepted(s, Actor.SYSTEM, new PanelDisconnected(BOB));
        s = accepted(s, Actor.SYSTEM, new PanelDisconnected(ALICE));
        assertEquals(Presence.RECONNECTING, s.participant(BOB).presence());
        assertEquals(List.of(BOB), s.queue().members());
        assertTrue(s.hasFloor(ALICE));
    }

    @Test void comingBackInTimeKeepsEverything() {
        RoomState s = aRoom().withHandsUp(BOB).presence(BOB, Presence.RECONNECTING, T0).build();
        s = accepted(s, Actor.SYSTEM, new PanelConnected(BOB));
        assertEquals(Presence.CONNECTED, s.participant(BOB).presence());
        unchanged(s, Actor.SYSTEM, new GraceExpired(BOB, T0));
        assertEquals(List.of(BOB), s.queue().members());
    }

    @Test void afterTheGracePeriodTheMemberIsGoneAndTheirHandComesDown() {
        RoomState s = aRoom().withHandsUp(BOB, CAROL).withFloor(ALICE).presence(BOB, Presence.RECONNECTING, T0)
                .presence(ALICE, Presence.RECONNECTING, T0).build();
        s = accepted(s, Actor.SYSTEM, new GraceExpired(BOB, T0));
        s = accepted(s, Actor.SYSTEM, new GraceExpired(ALICE, T0));
        assertEquals(Presence.GONE, s.participant(BOB).presence());
        assertEquals(List.of(CAROL), s.queue().members());
        assertNull(s.floor());
    }

    @Test void anOlderTimerCannotEndANewerDisconnection() {
        RoomState s = aRoom().withHandsUp(BOB).presence(BOB, Presence.RECONNECTING, T0.plusSeconds(30)).build();
        unchanged(s, Actor.SYSTEM, new GraceExpired(BOB, T0));
    }

    @Test void aGoneMembersTurnInARoundPassesToTheNext() {
        RoomState s = accepted(aRoom().everyoneConnected().build(), LEADER, new StartGoRound());
        s = s.withRoster(s.roster().with(s.participant(ALICE).withPresence(Presence.RECONNECTING, T0)));
        s = accepted(s, Actor.SYSTEM, new GraceExpired(ALICE, T0));
        assertTrue(s.hasFloor(BOB));
    }

    @Test void zoomPresenceFollowsTheWaitingRoomAndTheMeeting() {
        RoomState s = accepted(aRoom().build(), Actor.SYSTEM, new ZoomSeen(BOB, ZoomPresence.ZoomEvent.ENTERED_WAITING_ROOM));
        assertEquals(ZoomPresence.WAITING_ROOM, s.participant(BOB).zoom());
        s = accepted(s, Actor.SYSTEM, new ZoomSeen(BOB, ZoomPresence.ZoomEvent.JOINED_MEETING));
        assertEquals(ZoomPresence.IN_MEETING, s.participant(BOB).zoom());
        unchanged(s, Actor.SYSTEM, new ZoomSeen(BOB, ZoomPresence.ZoomEvent.LEFT_WAITING_ROOM));
        s = accepted(s, Actor.SYSTEM, new ZoomMeetingEnded());
        assertEquals(ZoomPresence.LEFT, s.participant(BOB).zoom());
    }

    @Test void leavingTheWaitingRoomWithoutBeingAdmittedMeansGone() {
        RoomState s = accepted(aRoom().build(), Actor.SYSTEM, new ZoomSeen(BOB, ZoomPresence.ZoomEvent.ENTERED_WAITING_ROOM));
        s = accepted(s, Actor.SYSTEM, new ZoomSeen(BOB, ZoomPresence.ZoomEvent.LEFT_WAITING_ROOM));
        assertEquals(ZoomPresence.LEFT, s.participant(BOB).zoom());
    }

    @Test void onlyTheServerReportsPresence() {
        rejected(Rejection.SYSTEM_ONLY, aRoom().build(), LEADER, new PanelConnected(BOB));
        rejected(Rejection.SYSTEM_ONLY, aRoom().build(), member(BOB), new PanelDisconnected(BOB));
    }

    @Test void theServerCannotActAsALeader() {
        rejected(Rejection.NOT_A_LEADER, aRoom().build(), Actor.SYSTEM, new GiveFloor(BOB));
    }
}
