package org.balintcompanion.room;

/** How a person takes part: with their own panel, physically in the room, or by phone (audio only). */
public enum Attendance {
    PANEL, IN_ROOM, PHONE;

    /** In-room and phone attendees have no panel: a leader raises and lowers their hand for them. */
    public boolean needsLeaderToQueue() { return this != PANEL; }
}
