package org.balintcompanion.room;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One person on the room's roster. {@code turns} lives only for this meeting; {@code confirmed} holds the ids of the
 * checklist items this person confirmed (a yes/no per item, nothing else).
 */
public record Participant(MemberId id, String name, Role role, Attendance attendance, Presence presence,
                          Instant reconnectingSince, int turns, Set<String> confirmed, ZoomPresence zoom,
                          ZoomParticipantId zoomParticipant) {
    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(attendance, "attendance");
        Objects.requireNonNull(presence, "presence");
        if (role == Role.SYSTEM) throw new IllegalArgumentException("the system is not a participant");
        if (turns < 0) throw new IllegalArgumentException("turns < 0");
        confirmed = Set.copyOf(confirmed);
        Objects.requireNonNull(zoom, "zoom");
    }

    public static Participant onRoster(MemberId id, String name, Role role) {
        return new Participant(id, name, role, Attendance.PANEL, Presence.ABSENT, null, 0, Set.of(), ZoomPresence.NOT_SEEN, null);
    }

    public Participant withPresence(Presence p, Instant since) {
        return new Participant(id, name, role, attendance, p, since, turns, confirmed, zoom, zoomParticipant);
    }

    public Participant withAttendance(Attendance a) {
        return new Participant(id, name, role, a, presence, reconnectingSince, turns, confirmed, zoom, zoomParticipant);
    }

    public Participant withRole(Role r) {
        return r == role ? this : new Participant(id, name, r, attendance, presence, reconnectingSince, turns, confirmed, zoom, zoomParticipant);
    }

    public Participant withZoom(ZoomPresence z) {
        return z == zoom ? this : new Participant(id, name, role, attendance, presence, reconnectingSince, turns, confirmed, z, zoomParticipant);
    }

    public Participant withZoomParticipant(ZoomParticipantId tile) {
        if (java.util.Objects.equals(tile, zoomParticipant)) return this;
        return new Participant(id, name, role, attendance, presence, reconnectingSince, turns, confirmed, zoom, tile);
    }

    public Participant withOneMoreTurn() {
        return new Participant(id, name, role, attendance, presence, reconnectingSince, turns + 1, confirmed, zoom, zoomParticipant);
    }

    public Participant withConfirmation(String item, boolean yes) {
        if (confirmed.contains(item) == yes) return this;
        var next = new HashSet<>(confirmed);
        if (yes) next.add(item); else next.remove(item);
        return new Participant(id, name, role, attendance, presence, reconnectingSince, turns, next, zoom, zoomParticipant);
    }
}
