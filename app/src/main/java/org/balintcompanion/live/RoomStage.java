package org.balintcompanion.live;

/**
 * Where a room is in its life. {@link RoomRegistry} moves each room forward only, in this order; a room opened again
 * after it ended is a new room with a new epoch.
 */
public enum RoomStage {
    /** Its opening state is handed to the store. Panels may join already: their acks wait for the store anyway. */
    OPENING,
    /** The store holds it: a crash from now on brings it back. */
    LIVE,
    /**
     * Its panels are closed and the store is deleting its state. It cannot be opened again until that is durable,
     * so the old room's deletion can never reach the new room's state.
     */
    ENDING,
    /** Gone from memory and from the store. */
    ENDED;

    /** Panels may join, commands change it, the admin API shows it open. */
    public boolean isOpen() { return this == OPENING || this == LIVE; }
}
