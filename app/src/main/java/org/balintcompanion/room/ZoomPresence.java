package org.balintcompanion.room;

/** Where Zoom's webhooks last placed a person: shown to leaders beside the panel presence. */
public enum ZoomPresence {
    NOT_SEEN, WAITING_ROOM, IN_MEETING, LEFT;

    /** What a Zoom event about this person makes of their presence. */
    public ZoomPresence after(ZoomEvent event) {
        return switch (event) {
            case JOINED_MEETING -> IN_MEETING;
            case LEFT_MEETING -> LEFT;
            case ENTERED_WAITING_ROOM -> WAITING_ROOM;
            // Leaving the waiting room without being admitted: gone if they were waiting, unchanged if already in.
            case LEFT_WAITING_ROOM -> this == WAITING_ROOM ? LEFT : this;
        };
    }

    public enum ZoomEvent { JOINED_MEETING, LEFT_MEETING, ENTERED_WAITING_ROOM, LEFT_WAITING_ROOM }
}
