package org.balintcompanion.zoom;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When and what a meeting is.
 *
 * @param topic    shown in Zoom, at most 200 characters
 * @param start    start instant; sent to Zoom in UTC with whole seconds
 * @param duration whole minutes, 1 to 1440
 * @param zone     the group's time zone, a region such as {@code Europe/Paris}, shown in Zoom's invitation
 * @param agenda   at most 2000 characters, or null for none
 */
public record MeetingPlan(String topic, ZonedDateTime start, Duration duration, ZoneId zone, String agenda) {

    public MeetingPlan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(zone, "zone");
        if (topic == null || topic.isBlank() || topic.length() > 200) {
            throw new IllegalArgumentException("topic must have 1 to 200 characters");
        }
        if (duration.toSecondsPart() != 0 || duration.toNanosPart() != 0 || duration.toMinutes() < 1
                || duration.toMinutes() > 1440) {
            throw new IllegalArgumentException("duration must be whole minutes between 1 and 1440: " + duration);
        }
        if (zone instanceof ZoneOffset offset && !offset.equals(ZoneOffset.UTC)) {
            throw new IllegalArgumentException("Zoom needs a region time zone such as Europe/Paris, not " + zone);
        }
        agenda = agenda == null || agenda.isBlank() ? null : agenda;
        if (agenda != null && agenda.length() > 2000) {
            throw new IllegalArgumentException("agenda must have at most 2000 characters");
        }
    }

    /** A plan in the start's own time zone, without agenda. */
    public MeetingPlan(String topic, ZonedDateTime start, Duration duration) {
        this(topic, start, duration, start.getZone(), null);
    }

    public MeetingPlan withAgenda(String value) {
        return new MeetingPlan(topic, start, duration, zone, value);
    }
}
