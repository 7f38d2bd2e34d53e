package org.balintcompanion.room;

/** Small helpers shared by the rule families. */
final class Outcomes {
    private Outcomes() {}

    static Decision rejected(Rejection r) { return new Decision.Rejected(r); }

    /** Identity means "nothing changed": every wither returns {@code this} when asked for what is already so. */
    static Decision changed(RoomState before, RoomState after) {
        return after == before ? Decision.UNCHANGED : new Decision.Changed(after);
    }
}
