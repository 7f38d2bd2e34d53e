package org.balintcompanion.room;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Assertion helpers over {@link Room#decide}. */
final class Decide {
    static final Instant NOW = RoomFixtures.T0.plusSeconds(90);

    private Decide() {}

    static RoomState accepted(RoomState s, Actor by, Command c) {
        Decision d = Room.decide(s, by, c, NOW);
        return assertInstanceOf(Decision.Changed.class, d, () -> "expected a change, got " + d).state();
    }

    static void unchanged(RoomState s, Actor by, Command c) {
        assertEquals(Decision.UNCHANGED, Room.decide(s, by, c, NOW));
    }

    static void rejected(Rejection expected, RoomState s, Actor by, Command c) {
        assertEquals(new Decision.Rejected(expected), Room.decide(s, by, c, NOW));
    }
}
