package org.balintcompanion.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.live.LiveRoom;
import org.balintcompanion.live.RoomRegistry;
import org.balintcompanion.live.RoomStage;
import org.balintcompanion.live.RoomStillEnding;
import org.balintcompanion.room.LiveRules;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;
import org.balintcompanion.room.RoomState;
import org.balintcompanion.store.Database;
import org.balintcompanion.store.Sql;

/**
 * The admin side of a room's life: opens a meeting's room from its group's settings and roster, ends it when the
 * meeting is over or before anything owning it is deleted, and carries roster and access changes into open rooms.
 * The stages themselves belong to {@link RoomRegistry}.
 */
public final class RoomOpener {
    public record OpenRoom(String roomId, int people) {}

    private static final long WAIT_SECONDS = 10;

    private final RoomRegistry rooms;
    private final Database db;
    private final AuditLog audit;

    public RoomOpener(RoomRegistry rooms, Database db, AuditLog audit) {
        this.rooms = rooms;
        this.db = db;
        this.audit = audit;
    }

    /** A leader opens the room; a room they ended earlier opens again. The answer means the room survives a crash. */
    public OpenRoom open(Account by, Groups.Group group, Meetings.Meeting meeting, List<Groups.RosterEntry> roster) {
        Access.requireLeads(db, by, group.id());
        if (rooms.stage(RoomId.of(meeting.id())) == RoomStage.ENDING) throw stillEnding();
        // Cleared first, so an end racing this open leaves the meeting marked ended, never a room open but marked ended.
        int found = db.inTransaction(c -> Sql.update(c, "UPDATE meeting SET room_ended_at = NULL WHERE id = ?", meeting.id()));
        if (found == 0) throw ApiException.notFound("meeting");
        return open(by, group, meeting, roster, () -> exists(meeting.id(), false));
    }

    /** The schedule opens a room only for a meeting still planned and not ended by a leader meanwhile. */
    public OpenRoom openByItself(Account by, Groups.Group group, Meetings.Meeting meeting, List<Groups.RosterEntry> roster) {
        return open(by, group, meeting, roster, () -> exists(meeting.id(), true));
    }

    private OpenRoom open(Account by, Groups.Group group, Meetings.Meeting meeting, List<Groups.RosterEntry> roster,
                          BooleanSupplier stillWanted) {
        if (meeting.status() != Meetings.Status.SCHEDULED) throw ApiException.conflict("status", "This meeting was cancelled.");
        if (roster.stream().noneMatch(e -> e.role().leads())) {
            throw ApiException.conflict("roster", "The group needs at least one leader on its roster before a room can open.");
        }
        var defaults = RoomSettings.defaults(group.template());
        var settings = new RoomSettings(group.template(), defaults.phaseTargets(), group.timersShown(), group.checklist(),
                group.keepPresentedOn() ? earlierCases(group.id()) : List.of(), group.phoneOnlyAllowed())
                .startingAt(meeting.startsAt(), ZoneId.of(meeting.timeZone()));
        var rules = LiveRules.defaults().with(group.speakingRule()).with(group.queuePolicy());
        List<Participant> people = roster.stream()
                .map(e -> Participant.onRoster(MemberId.of(e.personId()), e.displayName(), e.role())).toList();
        // The date is not part of the title: each page writes it in its reader's language and zone.
        String title = group.name();
        RoomId id = RoomId.of(meeting.id());
        try {
            if (rooms.open(id, title, settings, rules, people, meeting.id(), stillWanted) == null) {
                throw ApiException.conflict("room", "This meeting was ended or deleted meanwhile.");
            }
        } catch (RoomStillEnding e) {
            throw stillEnding();
        }
        var live = rooms.whenLive(id);
        if (live != null) live.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
        db.inTransaction(c -> {
            audit.record(c, by.email(), "room.open", meeting.id());
            return null;
        });
        return new OpenRoom(meeting.id(), people.size());
    }

    private static ApiException stillEnding() {
        return ApiException.conflict("room", "This meeting's room is still ending: open it again in a moment.");
    }

    public boolean isOpen(String meetingId) { return rooms.find(RoomId.of(meetingId)) != null; }

    /**
     * The meeting is over: turn counts, signals and checklist answers are forgotten. Only the audit entry stays, and,
     * when the group keeps them, who presented a case on that date.
     */
    public void end(Account by, Groups.Group group, Meetings.Meeting meeting) {
        Access.requireLeads(db, by, meeting.groupId());
        if (!isOpen(meeting.id())) throw ApiException.notFound("open room for this meeting");
        // Marked ended before the room ends, so no schedule sweep brings it back once it is gone.
        db.inTransaction(c -> {
            Sql.update(c, "UPDATE meeting SET room_ended_at = CURRENT_TIMESTAMP WHERE id = ?", meeting.id());
            audit.record(c, by.email(), "room.end", meeting.id());
            return null;
        });
        var last = new CompletableFuture<RoomState>();
        if (!endAndForget(meeting.id(), "the meeting has ended", last::complete)) return;   // ended by someone else meanwhile
        List<MemberId> presented = group.keepPresentedOn() ? last.orTimeout(5, TimeUnit.SECONDS).join().presented() : List.of();
        LocalDate date = LocalDate.ofInstant(meeting.startsAt(), ZoneId.of(meeting.timeZone()));
        db.inTransaction(c -> {
            for (MemberId m : presented) {
                Sql.update(c, "DELETE FROM presented_on WHERE group_id = ? AND person_id = ? AND meeting_date = ?", group.id(), m.value(), date);
                Sql.update(c, "INSERT INTO presented_on (group_id, person_id, meeting_date) VALUES (?,?,?)", group.id(), m.value(), date);
            }
            return null;
        });
    }

    /**
     * Deletes something that owns these meetings. Their open rooms end first (panels told the meeting ended) and
     * their state leaves the store before any row goes; a room a racing opener put in between ends right after.
     */
    void deleting(Account by, List<String> meetingIds, Runnable delete) {
        endBeforeDeleting(by, meetingIds);
        delete.run();
        endBeforeDeleting(by, meetingIds);
    }

    private void endBeforeDeleting(Account by, List<String> meetingIds) {
        for (String id : meetingIds) {
            if (endAndForget(id, "the meeting was deleted", s -> {})) {
                db.inTransaction(c -> {
                    audit.record(c, by.email(), "room.end", id);
                    return null;
                });
            }
        }
    }

    /** Every link {@code personId} held for this meeting was revoked: their open panels close, for good. */
    void accessWithdrawn(String meetingId, String personId) { inRoom(meetingId, r -> r.accessWithdrawn(MemberId.of(personId))); }

    void accessRestored(String meetingId, String personId) { inRoom(meetingId, r -> r.accessRestored(MemberId.of(personId))); }

    void linkWithdrawn(String meetingId, String personId) { inRoom(meetingId, r -> r.linkWithdrawn(MemberId.of(personId))); }

    /** {@code personId} left the group's roster (or the directory): they leave each of its open rooms. */
    void removedFromRoster(String groupId, String personId) {
        for (LiveRoom r : openRoomsOf(groupId)) r.removedFromRoster(MemberId.of(personId));
    }

    void roleChanged(String groupId, String personId, Role role) {
        for (LiveRoom r : openRoomsOf(groupId)) r.roleChanged(MemberId.of(personId), role);
    }

    private void inRoom(String meetingId, Consumer<LiveRoom> change) {
        LiveRoom room = rooms.find(RoomId.of(meetingId));
        if (room != null) change.accept(room);
    }

    private List<LiveRoom> openRoomsOf(String groupId) {
        return db.read(c -> Sql.list(c, "SELECT id FROM meeting WHERE group_id = ?", rs -> rs.getString(1), groupId)).stream()
                .map(id -> rooms.find(RoomId.of(id))).filter(java.util.Objects::nonNull).toList();
    }

    /** True when this call ended the room, once the store has forgotten it. */
    private boolean endAndForget(String meetingId, String reason, Consumer<RoomState> last) {
        var forgotten = rooms.end(RoomId.of(meetingId), CloseCodes.MEETING_ENDED, reason, last);
        if (forgotten == null) return false;
        forgotten.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
        return true;
    }

    private boolean exists(String meetingId, boolean notEnded) {
        return db.read(c -> Sql.one(c, "SELECT 1 FROM meeting WHERE id = ? AND status = 'SCHEDULED'"
                + (notEnded ? " AND room_ended_at IS NULL" : ""), rs -> true, meetingId) != null);
    }

    /** Who presented at the group's most recent meeting with a presentation: names and that date only. */
    private List<RoomSettings.EarlierCase> earlierCases(String groupId) {
        return db.read(c -> Sql.list(c, "SELECT p.display_name, o.meeting_date FROM presented_on o JOIN person p ON p.id = o.person_id "
                + "WHERE o.group_id = ? AND o.meeting_date = (SELECT MAX(meeting_date) FROM presented_on WHERE group_id = ?) "
                + "ORDER BY p.display_name", rs -> new RoomSettings.EarlierCase(rs.getString(1), rs.getObject(2, LocalDate.class)),
                groupId, groupId));
    }
}
