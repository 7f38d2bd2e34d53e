package org.balintcompanion.room;

import java.util.Objects;

/** The outcome of one command: a new state, no change needed (already so), or a refusal. */
public sealed interface Decision {
    record Changed(RoomState state) implements Decision {
        public Changed { Objects.requireNonNull(state, "state"); }
    }

    /** Accepted but nothing to change, e.g. raising a hand that is already up. */
    record Unchanged() implements Decision {}

    record Rejected(Rejection reason) implements Decision {
        public Rejected { Objects.requireNonNull(reason, "reason"); }
    }

    Unchanged UNCHANGED = new Unchanged();
}
