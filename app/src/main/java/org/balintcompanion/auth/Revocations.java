package org.balintcompanion.auth;

import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.RoomId;

/** What was withdrawn, answered from memory: a connection never waits for the database. */
public interface Revocations {
    Revocations NONE = new Revocations() {
        @Override public boolean linkWithdrawn(String linkId) { return false; }

        @Override public boolean accessWithdrawn(RoomId room, MemberId member) { return false; }
    };

    /** One link, by its id. */
    boolean linkWithdrawn(String linkId);

    /** Every link this person holds for this meeting's room. */
    boolean accessWithdrawn(RoomId room, MemberId member);
}
