package org.balintcompanion.admin;

import org.balintcompanion.store.Sql;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

import org.balintcompanion.live.LiveRoom;
import org.balintcompanion.live.RoomRegistry;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.ZoomPresence;
import org.balintcompanion.store.Database;
import org.balintcompanion.zoom.webhook.PresenceOrderGuard;
import org.balintcompanion.zoom.webhook.ZoomParticipant;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns verified Zoom presence events into room commands, off the webhook's request thread: finds the meeting by its
 * Zoom id, then the person by registrant id, else e-mail, else display name. The ordering guard runs on the room's
 * writer, so an older event never overwrites a newer one.
 */
public final class ZoomPresenceRouter {
    private static final Logger log = LoggerFactory.getLogger(ZoomPresenceRouter.class);

    private final Database db;
    private final RoomRegistry rooms;
    private final ExecutorService workers;
    private final PresenceOrderGuard guard = new PresenceOrderGuard();

    public ZoomPresenceRouter(Database db, RoomRegistry rooms, ExecutorService workers) {
        this.db = db;
        this.rooms = rooms;
        this.workers = workers;
    }

    public void accept(ZoomPresenceEvent event) { workers.execute(() -> route(event)); }

    private void route(ZoomPresenceEvent event) {
        try {
            String meetingId = db.read(c -> Sql.one(c, "SELECT id FROM meeting WHERE zoom_meeting_id = ?",
                    rs -> rs.getString(1), event.meeting().id()));
            LiveRoom room = meetingId == null ? null : rooms.find(RoomId.of(meetingId));
            if (room == null) {
                log.debug("Zoom event {} for a meeting without an open room: ignored", event.eventName());
                return;
            }
            switch (event) {
                case ZoomPresenceEvent.MeetingEnded e -> room.submitSystem(new Command.ZoomMeetingEnded(), () -> guard.admit(e));
                case ZoomPresenceEvent.ParticipantEvent p -> {
                    String person = match(meetingId, p.participant());
                    if (person == null) {
                        log.debug("Zoom participant not on the roster: ignored");
                        return;
                    }
                    room.submitSystem(new Command.ZoomSeen(MemberId.of(person), map(p.presence())), () -> guard.admit(event));
                }
                default -> { }
            }
        } catch (RuntimeException e) {
            log.warn("could not apply a Zoom presence event: {}", e.toString());
        }
    }

    private String match(String meetingId, ZoomParticipant p) {
        return db.read(c -> {
            if (p.registrantId().isPresent()) {
                String byRegistrant = Sql.one(c, "SELECT person_id FROM zoom_registrant WHERE meeting_id = ? AND registrant_id = ?",
                        rs -> rs.getString(1), meetingId, p.registrantId().get());
                if (byRegistrant != null) return byRegistrant;
            }
            String onRoster = "SELECT p.id FROM person p JOIN roster_entry r ON r.person_id = p.id JOIN meeting m ON m.group_id = r.group_id "
                    + "WHERE m.id = ? AND ";
            if (p.email().isPresent()) {
                String byEmail = Sql.one(c, onRoster + "p.email = ?", rs -> rs.getString(1), meetingId,
                        p.email().get().trim().toLowerCase(Locale.ROOT));
                if (byEmail != null) return byEmail;
            }
            if (p.userName() == null || p.userName().isBlank()) return null;
            return Sql.one(c, onRoster + "LOWER(p.display_name) = ?", rs -> rs.getString(1), meetingId,
                    p.userName().trim().toLowerCase(Locale.ROOT));
        });
    }

    private static ZoomPresence.ZoomEvent map(ZoomPresenceEvent.Presence presence) {
        return switch (presence) {
            case IN_MEETING -> ZoomPresence.ZoomEvent.JOINED_MEETING;
            case IN_WAITING_ROOM -> ZoomPresence.ZoomEvent.ENTERED_WAITING_ROOM;
            case LEFT_WAITING_ROOM -> ZoomPresence.ZoomEvent.LEFT_WAITING_ROOM;
            case LEFT_MEETING -> ZoomPresence.ZoomEvent.LEFT_MEETING;
        };
    }
}
