package org.balintcompanion.zoom.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * A webhook that changes who is in a meeting or its waiting room. Chat events are never turned into these: they
 * carry what people wrote.
 */
public sealed interface ZoomPresenceEvent {

    MeetingRef meeting();

    /** Zoom's {@code event_ts}: orders events about the same meeting or person. */
    Instant eventTs();

    /** Zoom's event name, e.g. {@code meeting.participant_joined}. */
    default String eventName() {
        return switch (this) {
            case MeetingStarted e -> ZoomWebhooks.MEETING_STARTED;
            case MeetingEnded e -> ZoomWebhooks.MEETING_ENDED;
            case ParticipantJoined e -> ZoomWebhooks.PARTICIPANT_JOINED;
            case ParticipantLeft e -> ZoomWebhooks.PARTICIPANT_LEFT;
            case JoinedWaitingRoom e -> ZoomWebhooks.PARTICIPANT_JOINED_WAITING_ROOM;
            case LeftWaitingRoom e -> ZoomWebhooks.PARTICIPANT_LEFT_WAITING_ROOM;
            case Admitted e -> ZoomWebhooks.PARTICIPANT_ADMITTED;
            case PutInWaitingRoom e -> ZoomWebhooks.PARTICIPANT_PUT_IN_WAITING_ROOM;
        };
    }

    /** Identifies the delivery's content, for deduplication when Zoom sends no tracking id. */
    default String contentKey() {
        String who = this instanceof ParticipantEvent p ? p.participant().identity() : "-";
        return eventName() + "|" + eventTs().toEpochMilli() + "|" + meeting().id() + "|" + meeting().uuid() + "|"
                + who;
    }

    /** Where a participant event leaves the person. */
    enum Presence {
        IN_MEETING,
        IN_WAITING_ROOM,
        /**
         * No longer waiting, and not admitted by this event: someone shown as waiting is gone, someone already shown
         * in the meeting stays there.
         */
        LEFT_WAITING_ROOM,
        LEFT_MEETING
    }

    /** An event about one participant. */
    sealed interface ParticipantEvent extends ZoomPresenceEvent {
        ZoomParticipant participant();

        default Presence presence() {
            return switch (this) {
                case ParticipantJoined e -> Presence.IN_MEETING;
                case Admitted e -> Presence.IN_MEETING;
                case JoinedWaitingRoom e -> Presence.IN_WAITING_ROOM;
                case PutInWaitingRoom e -> Presence.IN_WAITING_ROOM;
                case ParticipantLeft e -> Presence.LEFT_MEETING;
                case LeftWaitingRoom e -> Presence.LEFT_WAITING_ROOM;
            };
        }
    }

    record MeetingStarted(MeetingRef meeting, Instant eventTs) implements ZoomPresenceEvent {
        public MeetingStarted {
            Objects.requireNonNull(meeting, "meeting");
            Objects.requireNonNull(eventTs, "eventTs");
        }
    }

    /** Everyone has left, the waiting room too. */
    record MeetingEnded(MeetingRef meeting, Instant eventTs) implements ZoomPresenceEvent {
        public MeetingEnded {
            Objects.requireNonNull(meeting, "meeting");
            Objects.requireNonNull(eventTs, "eventTs");
        }
    }

    record ParticipantJoined(MeetingRef meeting, ZoomParticipant participant, Instant eventTs)
            implements ParticipantEvent {
        public ParticipantJoined {
            Objects.requireNonNull(meeting, "meeting");
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(eventTs, "eventTs");
        }
    }

    /**
     * @param leaveReason Zoom's text, e.g. "left the meeting", "got disconnected", "Removed by host"; may be empty
     */
    record ParticipantLeft(MeetingRef meeting, ZoomParticipant participant, Instant eventTs, String leaveReason)
            implements ParticipantEvent {
        public ParticipantLeft {
            Objects.requireNonNull(meeting, "meeting");
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(eventTs, "eventTs");
            Objects.requireNonNull(leaveReason, "leaveReason");
        }
    }

    record JoinedWaitingRoom(MeetingRef meeting, ZoomParticipant participant, Instant eventTs)
            implements ParticipantEvent {
        public JoinedWaitingRoom {
            Objects.requireNonNull(meeting, "meeting");
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(eventTs, "eventTs");
        }
    }

    /**
     * Left the waiting room without being admitted: by themselves, or removed by the host. Its presence is
     * {@link Presence#LEFT_WAITING_ROOM}, not "gone", so one arriving close to an admission cannot undo it.
     */
    record LeftWaitingRoom(MeetingRef meeting, ZoomParticipant participant, Instant eventTs)
            implements ParticipantEvent {
        public LeftWaitingRoom {
            Objects.requireNonNull(meeting, "meeting");
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(eventTs, "eventTs");
        }
    }

    /** A host admitted them from the waiting room. */
    record Admitted(MeetingRef meeting, ZoomParticipant participant, Instant eventTs) implements ParticipantEvent {
        public Admitted {
            Objects.requireNonNull(meeting, "meeting");
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(eventTs, "eventTs");
        }
    }

    /** A host sent them back to the waiting room. */
    record PutInWaitingRoom(MeetingRef meeting, ZoomParticipant participant, Instant eventTs)
            implements ParticipantEvent {
        public PutInWaitingRoom {
            Objects.requireNonNull(meeting, "meeting");
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(eventTs, "eventTs");
        }
    }
}
