package org.balintcompanion.room;

import java.util.Objects;

/** Who sends a command: always taken from a verified token or from the server itself, never from the message. */
public record Actor(MemberId member, Role role) {
    public static final Actor SYSTEM = new Actor(MemberId.of("system"), Role.SYSTEM);

    public Actor {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(role, "role");
    }
}
