package org.balintcompanion.admin;

import java.util.List;

import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.live.RoomRegistry;
import org.balintcompanion.room.LiveRules;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;
import org.balintcompanion.store.Database;

/** Opens a meeting's live room from its group's settings and roster, and ends it when the meeting is over. */
public final class RoomOpener {
    public record OpenRoom(String roomId, int people) {}

    private final RoomRegistry rooms;
    private final Database db;
    private final AuditLog audit;

    public RoomOpener(RoomRegistry rooms, Database db, AuditLog audit) {
        this.rooms = rooms;
        this.db = db;
        this.audit = audit;
    }

    public OpenRoom open(Account by, Groups.Group group, Meetings.Meeting meeting, List<Groups.RosterEntry> roster) {
        Access.requireLeads(db, by, group.id());
        if (meeting.status() != Meetings.Status.SCHEDULED) throw ApiException.conflict("status", "This meeting was cancelled.");
        if (roster.stream().noneMatch(e -> e.role().leads())) {
            throw ApiException.conflict("roster", "The group needs at least one leader on its roster before a room can open.");
        }
        var defaults = RoomSettings.defaults(group.template());
        var settings = new RoomSettings(group.template(), defaults.phaseTargets(), group.timersShown(), group.checklist());
        var rules = LiveRules.defaults().with(group.speakingRule()).with(group.queuePolicy());
        List<Participant> people = roster.stream()
                .map(e -> Participant.onRoster(MemberId.of(e.personId()), e.displayName(), e.role())).toList();
        String title = group.name() + " — " + meeting.localStart().replace('T', ' ');
        rooms.open(RoomId.of(meeting.id()), title, settings, rules, people, meeting.id());
        db.inTransaction(c -> {
            audit.record(c, by.email(), "room.open", meeting.id());
            return null;
        });
        return new OpenRoom(meeting.id(), people.size());
    }

    public boolean isOpen(String meetingId) { return rooms.find(RoomId.of(meetingId)) != null; }

    /** The meeting is over: turn counts, signals and checklist answers are forgotten; only the audit entry stays. */
    public void end(Account by, Meetings.Meeting meeting) {
        Access.requireLeads(db, by, meeting.groupId());
        if (!rooms.end(RoomId.of(meeting.id()), CloseCodes.MEETING_ENDED, "the meeting has ended")) {
            throw ApiException.notFound("open room for this meeting");
        }
        db.inTransaction(c -> {
            audit.record(c, by.email(), "room.end", meeting.id());
            return null;
        });
    }

}
