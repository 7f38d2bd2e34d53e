package org.balintcompanion.zoom.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.JoinedWaitingRoom;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.MeetingEnded;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.MeetingStarted;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.ParticipantJoined;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.ParticipantLeft;
import org.junit.jupiter.api.Test;

class PresenceOrderGuardTest {

    private static final MeetingRef MEETING = new MeetingRef(85746065L, "instance-1");
    private static final ZoomParticipant ANNA = person("uuid-anna", "Anna");
    private static final ZoomParticipant BEN = person("uuid-ben", "Ben");

    private final PresenceOrderGuard guard = new PresenceOrderGuard();

    @Test
    void anOlderEventForTheSameParticipantNeverOverwritesANewerOne() {
        assertTrue(guard.admit(new ParticipantLeft(MEETING, ANNA, at(200), "left the meeting")));

        assertFalse(guard.admit(new ParticipantJoined(MEETING, ANNA, at(100))));
        assertFalse(guard.admit(new JoinedWaitingRoom(MEETING, ANNA, at(50))));
        assertTrue(guard.admit(new ParticipantJoined(MEETING, ANNA, at(300))));
    }

    @Test
    void otherParticipantsAreNotHeldBack() {
        assertTrue(guard.admit(new ParticipantJoined(MEETING, ANNA, at(200))));

        assertTrue(guard.admit(new ParticipantJoined(MEETING, BEN, at(100))));
    }

    @Test
    void aParticipantEventFromBeforeTheMeetingEndedIsDropped() {
        assertTrue(guard.admit(new MeetingEnded(MEETING, at(500))));

        assertFalse(guard.admit(new ParticipantJoined(MEETING, ANNA, at(400))));
    }

    @Test
    void aLateStartDoesNotReopenAnEndedMeetingButANewStartDoes() {
        assertTrue(guard.admit(new MeetingStarted(MEETING, at(100))));
        assertTrue(guard.admit(new MeetingEnded(MEETING, at(500))));

        assertFalse(guard.admit(new MeetingStarted(MEETING, at(100))));
        assertTrue(guard.admit(new MeetingStarted(new MeetingRef(MEETING.id(), "instance-2"), at(900))));
        assertTrue(guard.admit(new ParticipantJoined(MEETING, ANNA, at(910))));
    }

    @Test
    void theSameMeetingIdInAnotherMeetingDoesNotInterfere() {
        assertTrue(guard.admit(new MeetingEnded(MEETING, at(500))));

        assertTrue(guard.admit(new ParticipantJoined(new MeetingRef(1L, "other"), ANNA, at(100))));
    }

    private static ZoomParticipant person(String uuid, String name) {
        return new ZoomParticipant("16778240", name, uuid, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static Instant at(long millis) {
        return Instant.ofEpochMilli(1_893_488_400_000L + millis);
    }
}
