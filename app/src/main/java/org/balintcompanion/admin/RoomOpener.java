package org.balintcompanion.admin;

import org.balintcompanion.store.Sql;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.live.RoomRegistry;
import org.balintcompanion.room.LiveRules;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;
import org.balintcompanion.room.RoomState;
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
        var settings = new RoomSettings(group.template(), defaults.phaseTargets(), group.timersShown(), group.checklist(),
                group.keepPresentedOn() ? earlierCases(group.id()) : List.of(), group.phoneOnlyAllowed());
        var rules = LiveRules.defaults().with(group.speakingRule()).with(group.queuePolicy());
        List<Participant> people = roster.stream()
                .map(e -> Participant.onRoster(MemberId.of(e.personId()), e.displayName(), e.role())).toList();
        String title = group.name() + " — " + meeting.localStart().replace('T', ' ');
        rooms.open(RoomId.of(meeting.id()), title, settings, rules, people, meeting.id());
        db.inTransaction(c -> {
            Sql.update(c, "UPDATE meeting SET room_ended_at = NULL WHERE id = ?", meeting.id());
            audit.record(c, by.email(), "room.open", meeting.id());
            return null;
        });
        return new OpenRoom(meeting.id(), people.size());
    }

    public boolean isOpen(String meetingId) { return rooms.find(RoomId.of(meetingId)) != null; }

    /**
     * The meeting is over: turn counts, signals and checklist answers are forgotten. Only the audit entry stays, and,
     * when the group keeps them, who presented a case on that date.
     */
    public void end(Account by, Groups.Group group, Meetings.Meeting meeting) {
        Access.requireLeads(db, by, meeting.groupId());
        var last = new CompletableFuture<RoomState>();
        var forgotten = rooms.end(RoomId.of(meeting.id()), CloseCodes.MEETING_ENDED, "the meeting has ended", last::complete);
        if (forgotten == null) throw ApiException.notFound("open room for this meeting");
        forgotten.orTimeout(10, TimeUnit.SECONDS).join();   // the answer means the state is gone from the store
        List<MemberId> presented = group.keepPresentedOn() ? last.orTimeout(5, TimeUnit.SECONDS).join().presented() : List.of();
        LocalDate date = LocalDate.ofInstant(meeting.startsAt(), ZoneId.of(meeting.timeZone()));
        db.inTransaction(c -> {
            Sql.update(c, "UPDATE meeting SET room_ended_at = CURRENT_TIMESTAMP WHERE id = ?", meeting.id());
            for (MemberId m : presented) {
                Sql.update(c, "DELETE FROM presented_on WHERE group_id = ? AND person_id = ? AND meeting_date = ?", group.id(), m.value(), date);
                Sql.update(c, "INSERT INTO presented_on (group_id, person_id, meeting_date) VALUES (?,?,?)", group.id(), m.value(), date);
            }
            audit.record(c, by.email(), "room.end", meeting.id());
            return null;
        });
    }

    /** Who presented at the group's most recent meeting with a presentation: names and that date only. */
    private List<RoomSettings.EarlierCase> earlierCases(String groupId) {
        return db.read(c -> Sql.list(c, "SELECT p.display_name, o.meeting_date FROM presented_on o JOIN person p ON p.id = o.person_id "
                + "WHERE o.group_id = ? AND o.meeting_date = (SELECT MAX(meeting_date) FROM presented_on WHERE group_id = ?) "
                + "ORDER BY p.display_name", rs -> new RoomSettings.EarlierCase(rs.getString(1), rs.getObject(2, LocalDate.class)),
                groupId, groupId));
    }

}
