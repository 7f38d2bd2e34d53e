package org.balintcompanion.room;

/** What a person is in a group. The presenter is not a role: it is a member the leader chose for one case. */
public enum Role {
    LEADER, CO_LEADER, MEMBER, OBSERVER,
    /** The server itself (presence from sockets, grace timers); never granted by a token. */
    SYSTEM;

    public boolean leads() { return this == LEADER || this == CO_LEADER; }

    /** Who may hold the floor or stand in the queue: members and leaders, never observers. */
    public boolean speaks() { return this == LEADER || this == CO_LEADER || this == MEMBER; }
}
