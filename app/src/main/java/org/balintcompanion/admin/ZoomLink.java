package org.balintcompanion.admin;

import org.balintcompanion.store.Sql;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.balintcompanion.metrics.Metrics;

import org.balintcompanion.room.Role;
import org.balintcompanion.store.Database;
import org.balintcompanion.zoom.Drift;
import org.balintcompanion.zoom.MeetingPlan;
import org.balintcompanion.zoom.MeetingUpdate;
import org.balintcompanion.zoom.Registrant;
import org.balintcompanion.zoom.SecurityPreset;
import org.balintcompanion.zoom.ZoomFailure;
import org.balintcompanion.zoom.ZoomMeeting;
import org.balintcompanion.zoom.ZoomMeetings;
import org.balintcompanion.zoom.ZoomRegistrant;

/**
 * A meeting's Zoom side: creating it secured by the Balint preset (co-leaders as alternative hosts), registering the
 * members so webhooks name them, checking drift from the preset, deleting it. Called from admin requests only,
 * never from a room.
 */
public final class ZoomLink {
    public record Status(String zoomStatus, Long zoomMeetingId, String joinUrl, List<Drift> drift, String problem) {}

    private final ZoomMeetings zoom;
    private final String hostUser;
    private final Database db;
    private final AuditLog audit;
    private final Directory directory;
    private final Metrics metrics;
    /** Meetings whose Zoom meeting is being created right now: a second click must not create a second one. */
    private final Set<String> creating = ConcurrentHashMap.newKeySet();

    public ZoomLink(ZoomMeetings zoom, String hostUser, Database db, AuditLog audit, Directory directory, Metrics metrics) {
        this.zoom = zoom;
        this.hostUser = hostUser;
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.metrics = metrics;
    }

    public boolean connected() { return zoom.connected(); }

    public Status create(Account by, Groups.Group group, Meetings.Meeting meeting, List<Groups.RosterEntry> roster) {
        Access.requireLeads(db, by, group.id());
        requireConnected();
        if (!creating.add(meeting.id())) {
            throw ApiException.conflict("zoomMeetingId", "This meeting's Zoom meeting is being created right now.");
        }
        try {
            // Read again under the claim: the meeting the caller holds may predate another request's creation.
            if (hasZoomMeeting(meeting.id())) throw ApiException.conflict("zoomMeetingId", "This meeting already has a Zoom meeting.");
            return createClaimed(by, group, meeting, roster);
        } finally {
            creating.remove(meeting.id());
        }
    }

    private boolean hasZoomMeeting(String meetingId) {
        return db.read(c -> Sql.one(c, "SELECT 1 FROM meeting WHERE id = ? AND zoom_meeting_id IS NOT NULL", rs -> true, meetingId)) != null;
    }

    private Status createClaimed(Account by, Groups.Group group, Meetings.Meeting meeting, List<Groups.RosterEntry> roster) {
        var people = emails(group.id());
        SecurityPreset preset = preset(group, roster, people);
        ZoomMeeting created = call("create", () -> zoom.createSecureMeeting(hostUser, plan(group, meeting), preset));
        db.inTransaction(c -> {
            Sql.update(c, "UPDATE meeting SET zoom_meeting_id = ?, zoom_status = 'CREATED', zoom_join_url = ?, zoom_passcode = ? WHERE id = ?",
                    created.id(), created.joinUrl().toString(), created.passcode().orElse(null), meeting.id());
            audit.record(c, by.email(), "zoom.create", meeting.id());
            return null;
        });
        for (Groups.RosterEntry e : roster) {
            String[] p = people.get(e.personId());
            if (p == null || p[0] == null || e.role().leads()) continue;
            ZoomRegistrant r = call("add_registrant", () -> zoom.addRegistrant(created.id(), registrant(p[0], p[1])));
            db.inTransaction(c -> Sql.update(c, "INSERT INTO zoom_registrant (meeting_id, person_id, registrant_id) VALUES (?,?,?)",
                    meeting.id(), e.personId(), r.registrantId()));
        }
        return new Status("CREATED", created.id(), created.joinUrl().toString(), List.of(), null);
    }

    /** The meeting's settings at Zoom compared with the preset, difference by difference. */
    public Status check(Account by, Groups.Group group, Meetings.Meeting meeting, List<Groups.RosterEntry> roster) {
        Access.requireLeads(db, by, group.id());
        if (!zoom.connected()) return new Status("NOT_CONNECTED", meeting.zoomMeetingId(), null, List.of(), "Zoom is not connected.");
        if (meeting.zoomMeetingId() == null) return new Status("NOT_CREATED", null, null, List.of(), null);
        SecurityPreset preset = preset(group, roster, emails(group.id()));
        List<Drift> drift = call("check", () -> zoom.checkDrift(meeting.zoomMeetingId(), hostUser, preset));
        String status = drift.isEmpty() ? "SECURED" : "DRIFTED";
        db.read(c -> Sql.update(c, "UPDATE meeting SET zoom_status = ? WHERE id = ?", status, meeting.id()));
        return new Status(status, meeting.zoomMeetingId(), null, drift, null);
    }

    /**
     * A meeting moved in the companion: Zoom gets only what changed (start, length, zone). The move stands even if
     * Zoom refuses; the meeting is then marked OUT_OF_SYNC and the reason returned for the admin (null when fine).
     */
    public String moved(Account by, Groups.Group group, Meetings.Meeting before, Meetings.Meeting after) {
        Access.requireLeads(db, by, group.id());
        if (after.zoomMeetingId() == null || !zoom.connected()) return null;
        var update = MeetingUpdate.between(plan(group, before), plan(group, after));
        String problem = null;
        try {
            call("update", () -> {
                zoom.updateMeeting(after.zoomMeetingId(), update);
                return null;
            });
        } catch (ApiException e) {
            problem = e.getMessage();
        }
        String status = problem == null ? "CREATED" : "OUT_OF_SYNC";
        db.inTransaction(c -> {
            Sql.update(c, "UPDATE meeting SET zoom_status = ? WHERE id = ?", status, after.id());
            audit.record(c, by.email(), "zoom.update", after.id());
            return null;
        });
        return problem;
    }

    private static MeetingPlan plan(Groups.Group group, Meetings.Meeting m) {
        ZoneId zone = ZoneId.of(m.timeZone());
        return new MeetingPlan(group.name(), m.startsAt().atZone(zone), Duration.ofMinutes(m.durationMinutes()), zone, null);
    }

    public void delete(Account by, Meetings.Meeting meeting) {
        Access.requireLeads(db, by, meeting.groupId());
        requireConnected();
        if (meeting.zoomMeetingId() == null) throw ApiException.notFound("Zoom meeting for this meeting");
        call("delete", () -> {
            zoom.deleteMeeting(meeting.zoomMeetingId());
            return null;
        });
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM zoom_registrant WHERE meeting_id = ?", meeting.id());
            Sql.update(c, "UPDATE meeting SET zoom_meeting_id = NULL, zoom_status = 'NOT_CREATED', zoom_join_url = NULL, zoom_passcode = NULL WHERE id = ?",
                    meeting.id());
            audit.record(c, by.email(), "zoom.delete", meeting.id());
            return null;
        });
    }

    /** The group's stored preset, or the Balint default, with the group's co-leaders as alternative hosts. */
    private SecurityPreset preset(Groups.Group group, List<Groups.RosterEntry> roster, Map<String, String[]> people) {
        var coLeaders = new ArrayList<String>();
        for (Groups.RosterEntry e : roster) {
            String[] p = people.get(e.personId());
            if (e.role() == Role.CO_LEADER && p != null && p[0] != null) coLeaders.add(p[0]);
        }
        SecurityPreset base = group.zoomPresetId() == null ? SecurityPreset.BALINT_GROUP : directory.securityPreset(group.zoomPresetId());
        return base.withAlternativeHosts(coLeaders);
    }

    /** person id → {email, display name} for the group's roster. */
    private Map<String, String[]> emails(String groupId) {
        var out = new java.util.HashMap<String, String[]>();
        db.read(c -> Sql.list(c, "SELECT p.id, p.email, p.display_name FROM person p JOIN roster_entry r ON r.person_id = p.id WHERE r.group_id = ?",
                rs -> out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}), groupId));
        return out;
    }

    private static Registrant registrant(String email, String displayName) {
        int space = displayName.indexOf(' ');
        String first = space > 0 ? displayName.substring(0, space) : displayName;
        String last = space > 0 ? displayName.substring(space + 1) : "";
        return new Registrant(email, first, last);
    }

    private void requireConnected() {
        if (!zoom.connected()) {
            throw new ApiException(409, "Zoom not connected",
                    "No Zoom account is configured (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET): see docs/zoom.md.", null, null);
        }
        if (hostUser == null) {
            throw new ApiException(409, "Zoom host missing", "Set ZOOM_HOST_USER to the Zoom user (e-mail or id) who hosts the meetings.", null, null);
        }
    }

    private interface ZoomCall<T> { T run(); }

    /** Zoom's refusals become clear admin messages; nothing about the meeting is written when Zoom fails. */
    private <T> T call(String operation, ZoomCall<T> c) {
        try {
            T result = c.run();
            metrics.zoomCall(operation, "ok");
            return result;
        } catch (ZoomFailure f) {
            metrics.zoomCall(operation, f.getClass().getSimpleName());
            int status = switch (f) {
                case ZoomFailure.NotFound n -> 404;
                case ZoomFailure.RateLimited r -> 429;
                case ZoomFailure.DailyLimitReached d -> 429;
                case ZoomFailure.Refused r -> 409;
                default -> 502;
            };
            throw new ApiException(status, "Zoom refused or failed", f.getMessage(), null, null);
        }
    }
}
