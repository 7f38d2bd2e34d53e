package org.balintcompanion.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.balintcompanion.live.RoomRegistry;
import org.balintcompanion.live.RoomStage;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.store.Database;
import org.balintcompanion.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens each meeting's room a while before it starts, so people can join early and check their set-up, and ends
 * rooms some hours after the planned end, so a room nobody ended does not keep turn counts, signals and checklist
 * answers. A room a leader ended is not opened again by itself.
 */
public final class RoomSchedule {
    private static final Logger log = LoggerFactory.getLogger(RoomSchedule.class);
    private static final Account SCHEDULE = new Account("schedule", "room schedule", Account.Kind.ADMIN, null);

    private final Database db;
    private final RoomRegistry rooms;
    private final Groups groups;
    private final Meetings meetings;
    private final RoomOpener opener;
    private final Clock clock;
    private final Duration opensBefore;
    private final Duration closesAfter;

    public RoomSchedule(Database db, RoomRegistry rooms, Groups groups, Meetings meetings, RoomOpener opener, Clock clock,
                        Duration opensBefore, Duration closesAfter) {
        this.db = db;
        this.rooms = rooms;
        this.groups = groups;
        this.meetings = meetings;
        this.opener = opener;
        this.clock = clock;
        this.opensBefore = opensBefore;
        this.closesAfter = closesAfter;
    }

    public void runOnce() {
        Instant now = clock.instant();
        List<String> due = db.read(c -> Sql.list(c, "SELECT id FROM meeting WHERE status = 'SCHEDULED' AND room_ended_at IS NULL "
                + "AND starts_at <= ? AND starts_at > ?", rs -> rs.getString(1), now.plus(opensBefore), now.minus(Duration.ofHours(12))));
        for (String id : due) {
            if (rooms.stage(RoomId.of(id)) != RoomStage.ENDED) continue;   // open, or still ending: the next sweep looks again
            Meetings.Meeting m = meetings.meeting(SCHEDULE, id);
            if (!m.endsAt().isAfter(now)) continue;
            try {
                Groups.Group g = groups.group(SCHEDULE, m.groupId());
                opener.openByItself(SCHEDULE, g, m, groups.roster(SCHEDULE, g.id()));
            } catch (ApiException e) {
                log.info("meeting {}: room not opened by itself: {}", id, e.getMessage());
            }
        }
        for (RoomId room : rooms.openRooms()) {
            Meetings.Meeting m;
            try {
                m = meetings.meeting(SCHEDULE, room.value());
            } catch (ApiException notAMeeting) {
                continue;   // a room not tied to a scheduled meeting (load tests)
            }
            if (m.endsAt().plus(closesAfter).isBefore(now)) {
                try {
                    opener.end(SCHEDULE, groups.group(SCHEDULE, m.groupId()), m);
                    log.info("meeting {}: room ended {} after its planned end", room, closesAfter);
                } catch (ApiException endedMeanwhile) {
                    log.info("meeting {}: room not ended by itself: {}", room, endedMeanwhile.getMessage());
                }
            }
        }
    }
}
