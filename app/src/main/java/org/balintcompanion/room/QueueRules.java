package org.balintcompanion.room;

import static org.balintcompanion.room.Outcomes.changed;
import static org.balintcompanion.room.Outcomes.rejected;

/** Raising, lowering and reordering hands. */
final class QueueRules {
    private QueueRules() {}

    static Decision raise(RoomState s, MemberId m) {
        Participant p = s.participant(m);
        if (!p.role().speaks()) return rejected(Rejection.CANNOT_SPEAK);
        if (s.isListening(m)) return rejected(Rejection.PRESENTER_IS_LISTENING);
        if (s.hasFloor(m)) return rejected(Rejection.ALREADY_HAS_FLOOR);
        var roster = s.roster();
        return changed(s, s.withQueue(s.queue().raise(m, s.rules().queuePolicy(), roster::turnsOf)));
    }

    static Decision lower(RoomState s, MemberId m) {
        return changed(s, s.withQueue(s.queue().without(m)));
    }

    static Decision lowerAll(RoomState s) {
        return s.queue().isEmpty() ? Decision.UNCHANGED : new Decision.Changed(s.withQueue(SpeakingQueue.EMPTY));
    }

    static Decision move(RoomState s, MemberId m, int to) {
        if (!s.queue().contains(m)) return rejected(Rejection.NOT_IN_QUEUE);
        if (to < 0 || to >= s.queue().size()) return rejected(Rejection.QUEUE_POSITION_OUT_OF_RANGE);
        return changed(s, s.withQueue(s.queue().moved(m, to)));
    }
}
