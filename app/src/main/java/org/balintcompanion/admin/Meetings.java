package org.balintcompanion.admin;

import org.balintcompanion.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.balintcompanion.store.Database;

/** Series and meetings: times kept in UTC together with the zone they were planned in. */
public final class Meetings {
    public enum Status { SCHEDULED, CANCELLED }

    public record Series(String id, String groupId, Cadence cadence, String firstLocalStart, String timeZone,
                         int durationMinutes, int occurrences) {}

    public record Meeting(String id, String groupId, String seriesId, Instant startsAt, String timeZone, String localStart,
                          int durationMinutes, Status status, int sequence, Long zoomMeetingId, String zoomStatus) {
        public Instant endsAt() { return startsAt.plusSeconds(60L * durationMinutes); }
    }

    private final Database db;
    private final Ids ids;
    private final AuditLog audit;
    private final Clock clock;
    private final RoomOpener rooms;

    public Meetings(Database db, Ids ids, AuditLog audit, Clock clock, RoomOpener rooms) {
        this.db = db;
        this.ids = ids;
        this.audit = audit;
        this.clock = clock;
        this.rooms = rooms;
    }

    /** Plans a series and all its meetings in one transaction. */
    public Series createSeries(Account by, Groups.Group group, Fields f) {
        Access.requireLeads(db, by, group.id());
        Cadence cadence = f.choice("cadence", Cadence.class);
        LocalDateTime first = f.localDateTime("firstStart");
        ZoneId zone = f.has("timeZone") ? f.zone("timeZone") : ZoneId.of(group.timeZone());
        int duration = f.has("durationMinutes") ? f.integer("durationMinutes", 15, 480) : 120;
        LocalDate until = f.has("until") ? f.date("until") : null;
        if (until != null && until.isBefore(first.toLocalDate())) {
            throw ApiException.badField("until", "'until' is before the first meeting.");
        }
        int count = f.has("occurrences") ? f.integer("occurrences", 1, 200) : until != null ? 200 : cadence == Cadence.SINGLE ? 1 : 0;
        if (count == 0) throw ApiException.badField("occurrences", "Give 'occurrences' (1 to 200) or 'until' for a repeating series.");
        List<ZonedDateTime> times = cadence.occurrences(first, zone, count, until);
        if (times.isEmpty()) throw ApiException.badField("until", "No meeting falls between 'firstStart' and 'until'.");
        var s = new Series(ids.newId("s-"), group.id(), cadence, first.toString(), zone.getId(), duration, times.size());
        db.inTransaction(c -> {
            Sql.update(c, "INSERT INTO meeting_series (id, group_id, cadence, first_local_start, time_zone, duration_minutes, occurrences, created_at) "
                    + "VALUES (?,?,?,?,?,?,?,?)", s.id(), s.groupId(), cadence, s.firstLocalStart(), s.timeZone(), duration, s.occurrences(), clock.instant());
            for (ZonedDateTime t : times) insertMeeting(c, ids.newId("m-"), group.id(), s.id(), t.toInstant(), zone.getId(), duration);
            audit.record(c, by.email(), "series.create", s.id());
            return null;
        });
        return s;
    }

    public List<Series> series(String groupId) {
        return db.read(c -> Sql.list(c, "SELECT * FROM meeting_series WHERE group_id = ? ORDER BY first_local_start",
                rs -> new Series(rs.getString("id"), rs.getString("group_id"), Cadence.valueOf(rs.getString("cadence")),
                        rs.getString("first_local_start"), rs.getString("time_zone"), rs.getInt("duration_minutes"),
                        rs.getInt("occurrences")), groupId));
    }

    public void deleteSeries(Account by, String seriesId) {
        String groupId = db.read(c -> Sql.one(c, "SELECT group_id FROM meeting_series WHERE id = ?", rs -> rs.getString(1), seriesId));
        if (groupId == null) throw ApiException.notFound("series");
        Access.requireLeads(db, by, groupId);
        List<String> meetings = db.read(c -> Sql.list(c, "SELECT id FROM meeting WHERE series_id = ?", rs -> rs.getString(1), seriesId));
        rooms.deleting(by, meetings, () -> db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM meeting_series WHERE id = ?", seriesId);
            audit.record(c, by.email(), "series.delete", seriesId);
            return null;
        }));
    }

    public List<Meeting> ofGroup(String groupId) {
        return db.read(c -> Sql.list(c, "SELECT * FROM meeting WHERE group_id = ? ORDER BY starts_at", Meetings::meeting, groupId));
    }

    public Meeting meeting(Account by, String id) {
        Meeting m = db.read(c -> Sql.one(c, "SELECT * FROM meeting WHERE id = ?", Meetings::meeting, id));
        if (m == null) throw ApiException.notFound("meeting");
        Access.requireLeads(db, by, m.groupId());
        return m;
    }

    /** Moves or cancels one meeting; its sequence grows so calendar updates supersede the old invitation. */
    public Meeting update(Account by, String id, Fields f) {
        Meeting old = meeting(by, id);
        ZoneId zone = f.has("timeZone") ? f.zone("timeZone") : ZoneId.of(old.timeZone());
        Instant start = f.has("start") ? ZonedDateTime.of(f.localDateTime("start"), zone).toInstant() : old.startsAt();
        int duration = f.has("durationMinutes") ? f.integer("durationMinutes", 15, 480) : old.durationMinutes();
        Status status = f.has("status") ? f.choice("status", Status.class) : old.status();
        db.inTransaction(c -> {
            Sql.update(c, "UPDATE meeting SET starts_at = ?, time_zone = ?, duration_minutes = ?, status = ?, sequence = sequence + 1 WHERE id = ?",
                    start, zone.getId(), duration, status, id);
            audit.record(c, by.email(), status == Status.CANCELLED ? "meeting.cancel" : "meeting.update", id);
            return null;
        });
        return meeting(by, id);
    }

    public Meeting createSingle(Account by, Groups.Group group, Instant start, int durationMinutes) {
        Access.requireLeads(db, by, group.id());
        String id = ids.newId("m-");
        db.inTransaction(c -> {
            insertMeeting(c, id, group.id(), null, start, group.timeZone(), durationMinutes);
            audit.record(c, by.email(), "meeting.create", id);
            return null;
        });
        return meeting(by, id);
    }

    public void delete(Account by, String id) {
        meeting(by, id);
        rooms.deleting(by, List.of(id), () -> db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM meeting WHERE id = ?", id);
            audit.record(c, by.email(), "meeting.delete", id);
            return null;
        }));
    }

    private static void insertMeeting(java.sql.Connection c, String id, String groupId, String seriesId, Instant start, String zone,
                                      int duration) throws SQLException {
        Sql.update(c, "INSERT INTO meeting (id, group_id, series_id, starts_at, time_zone, duration_minutes, status, sequence, zoom_status) "
                + "VALUES (?,?,?,?,?,?,?,0,'NOT_CONNECTED')", id, groupId, seriesId, start, zone, duration, Status.SCHEDULED);
    }

    private static Meeting meeting(ResultSet rs) throws SQLException {
        Instant start = Sql.instant(rs, "starts_at");
        String zone = rs.getString("time_zone");
        Number zoomId = (Number) rs.getObject("zoom_meeting_id");
        return new Meeting(rs.getString("id"), rs.getString("group_id"), rs.getString("series_id"), start, zone,
                start.atZone(ZoneId.of(zone)).toLocalDateTime().toString(), rs.getInt("duration_minutes"),
                Status.valueOf(rs.getString("status")), rs.getInt("sequence"), zoomId == null ? null : zoomId.longValue(),
                rs.getString("zoom_status"));
    }
}
