package org.balintcompanion.room;

/** Presence as seen from the companion panel. */
public enum Presence {
    /** Has not opened the panel in this meeting. */
    ABSENT,
    CONNECTED,
    /** The connection dropped; the hand and the floor are kept during a grace period. */
    RECONNECTING,
    /** Did not come back within the grace period. */
    GONE
}
