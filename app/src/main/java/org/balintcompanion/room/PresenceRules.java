package org.balintcompanion.room;

import java.time.Instant;

import static org.balintcompanion.room.Outcomes.rejected;

/**
 * Presence from the panel. A dropped connection keeps its hand and floor during a grace period: phones lose the
 * network for a few seconds and nobody should lose their place for that.
 */
final class PresenceRules {
    private PresenceRules() {}

    static Decision connected(RoomState s, MemberId m) {
        Participant p = s.participant(m);
        if (p == null) return rejected(Rejection.NOT_ON_ROSTER);
        if (p.presence() == Presence.CONNECTED) return Decision.UNCHANGED;
        return new Decision.Changed(s.withRoster(s.roster().with(p.withPresence(Presence.CONNECTED, null))));
    }

    static Decision disconnected(RoomState s, MemberId m, Instant now) {
        Participant p = s.participant(m);
        if (p == null) return rejected(Rejection.NOT_ON_ROSTER);
        if (p.presence() != Presence.CONNECTED) return Decision.UNCHANGED;
        return new Decision.Changed(s.withRoster(s.roster().with(p.withPresence(Presence.RECONNECTING, now))));
    }

    /** Only the timer armed for this very disconnection may end it: a newer reconnect cancels an older timer. */
    static Decision graceExpired(RoomState s, MemberId m, Instant since, Instant now) {
        Participant p = s.participant(m);
        if (p == null) return rejected(Rejection.NOT_ON_ROSTER);
        if (p.presence() != Presence.RECONNECTING || !since.equals(p.reconnectingSince())) return Decision.UNCHANGED;
        return new Decision.Changed(withoutHandOrFloor(s.withRoster(s.roster().with(p.withPresence(Presence.GONE, null))), m, now));
    }

    /** {@code m} leaves the queue and the floor; a go-round whose turn was theirs moves on to the next member. */
    static RoomState withoutHandOrFloor(RoomState s, MemberId m, Instant now) {
        RoomState next = s.withQueue(s.queue().without(m));
        if (!next.hasFloor(m)) return next;
        boolean inRound = next.goRound() != null && next.goRound().current().equals(m);
        return inRound ? CircleRules.advance(next, now) : next.withFloor(null);
    }

    static Decision zoomSeen(RoomState s, MemberId m, ZoomPresence.ZoomEvent event) {
        Participant p = s.participant(m);
        if (p == null) return rejected(Rejection.NOT_ON_ROSTER);
        return Outcomes.changed(s, s.withRoster(s.roster().with(p.withZoom(p.zoom().after(event)))));
    }

    static Decision zoomMeetingEnded(RoomState s) {
        RoomState next = s;
        for (MemberId m : s.roster().seats()) {
            Participant p = next.participant(m);
            if (p.zoom() == ZoomPresence.IN_MEETING || p.zoom() == ZoomPresence.WAITING_ROOM) {
                next = next.withRoster(next.roster().with(p.withZoom(ZoomPresence.LEFT)));
            }
        }
        return Outcomes.changed(s, next);
    }
}
