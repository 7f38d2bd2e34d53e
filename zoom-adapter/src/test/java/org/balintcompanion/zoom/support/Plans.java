package org.balintcompanion.zoom.support;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.balintcompanion.zoom.MeetingPlan;
import org.balintcompanion.zoom.SecurityPreset;

/** Test data: a Tuesday-evening Balint group in Paris, led by a leader and a co-leader. */
public final class Plans {

    public static final String HOST = "leader@example.org";
    public static final String CO_LEADER = "co-leader@example.org";
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final MeetingPlan TUESDAY_GROUP = new MeetingPlan("Balint group Tuesday",
            ZonedDateTime.of(LocalDateTime.parse("2030-03-05T19:30:00"), PARIS), Duration.ofMinutes(90), PARIS,
            "Case discussion");
    public static final SecurityPreset BALINT = SecurityPreset.BALINT_GROUP.withAlternativeHosts(List.of(CO_LEADER));

    private Plans() {
    }
}
