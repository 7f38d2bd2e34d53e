package org.balintcompanion.live;

import org.balintcompanion.room.RoomId;

/** A room cannot be opened while its previous life is still being deleted from the store; asking again soon works. */
public final class RoomStillEnding extends IllegalStateException {
    public RoomStillEnding(RoomId id) { super("room " + id.value() + " is still ending"); }
}
