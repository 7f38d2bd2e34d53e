package org.balintcompanion.room;

/** Who is invited to unmute in Zoom while the rule is "raise hand" (advisory: Zoom's API cannot mute anyone). */
public enum MutePolicy {
    FLOOR_ONLY,
    FLOOR_AND_LEADERS
}
