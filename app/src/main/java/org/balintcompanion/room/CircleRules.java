package org.balintcompanion.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.balintcompanion.room.Outcomes.changed;
import static org.balintcompanion.room.Outcomes.rejected;

/** The seat order and go-rounds through it. */
final class CircleRules {
    private CircleRules() {}

    static Decision setSeatOrder(RoomState s, List<MemberId> order) {
        if (!s.roster().isSeatOrder(order)) return rejected(Rejection.INVALID_SEAT_ORDER);
        if (order.equals(s.roster().seats())) return Decision.UNCHANGED;
        return new Decision.Changed(s.withRoster(s.roster().withSeats(order)));
    }

    static Decision startGoRound(RoomState s, Instant now) {
        if (s.goRound() != null) return rejected(Rejection.GO_ROUND_RUNNING);
        var order = new ArrayList<MemberId>();
        for (MemberId m : s.roster().seats()) if (takesPartInRound(s, m)) order.add(m);
        if (order.isEmpty()) return rejected(Rejection.NOBODY_TO_GO_ROUND);
        GoRound round = new GoRound(order, 0);
        return new Decision.Changed(s.withGoRound(round).withQueue(s.queue().without(round.current()))
                .withFloor(new Floor(round.current(), now, false)));
    }

    static Decision endGoRound(RoomState s) {
        GoRound g = s.goRound();
        if (g == null) return rejected(Rejection.NO_GO_ROUND);
        RoomState next = s.withGoRound(null);
        if (s.hasFloor(g.current())) next = next.withFloor(null);
        return new Decision.Changed(next);
    }

    static Decision pass(RoomState s, MemberId me, Instant now) {
        GoRound g = s.goRound();
        if (g == null) return rejected(Rejection.NO_GO_ROUND);
        if (!g.current().equals(me)) return rejected(Rejection.NOT_YOUR_TURN_IN_ROUND);
        return changed(s, advance(s, now));
    }

    /** Moves the round to the next member still able to speak; after the last one the round and the floor end. */
    static RoomState advance(RoomState s, Instant now) {
        GoRound g = s.goRound();
        while (!g.isLast()) {
            g = g.advanced();
            if (takesPartInRound(s, g.current())) {
                return s.withGoRound(g).withQueue(s.queue().without(g.current()))
                        .withFloor(new Floor(g.current(), now, false));
            }
        }
        return s.withGoRound(null).withFloor(null);
    }

    /**
     * Members with their panel open, and those a leader marked as in the room or on the phone (they have no panel to
     * be connected with). Nobody is handed a turn they cannot hear is theirs.
     */
    private static boolean takesPartInRound(RoomState s, MemberId m) {
        Participant p = s.participant(m);
        boolean reachable = p.attendance().needsLeaderToQueue() || p.presence() == Presence.CONNECTED;
        return p.role() == Role.MEMBER && reachable && !s.isListening(m);
    }
}
