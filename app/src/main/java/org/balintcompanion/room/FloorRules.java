package org.balintcompanion.room;

import java.time.Instant;

import static org.balintcompanion.room.Outcomes.changed;
import static org.balintcompanion.room.Outcomes.rejected;

/** Giving, taking, ending and putting back the floor. A turn is counted when the floor is given for speaking. */
final class FloorRules {
    private FloorRules() {}

    static Decision give(RoomState s, MemberId target, Instant now) {
        if (s.goRound() != null) return rejected(Rejection.GO_ROUND_RUNNING);
        if (target == null) {
            if (s.queue().isEmpty()) return rejected(Rejection.NO_ONE_WAITING);
            target = s.queue().head().member();
        }
        if (!s.participant(target).role().speaks()) return rejected(Rejection.CANNOT_SPEAK);
        if (s.isListening(target)) return rejected(Rejection.PRESENTER_IS_LISTENING);
        if (s.hasFloor(target)) return Decision.UNCHANGED;
        int at = s.queue().indexOf(target);
        boolean resumed = at >= 0 && s.queue().hands().get(at).resumed();
        return new Decision.Changed(handOver(s, target, now, !resumed));
    }

    static Decision take(RoomState s, MemberId me, Instant now) {
        if (s.rules().speakingRule() != SpeakingRule.SPEAK_FREELY) return rejected(Rejection.SPEAKING_RULE_IS_RAISE_HAND);
        if (s.goRound() != null) return rejected(Rejection.GO_ROUND_RUNNING);
        if (s.isListening(me)) return rejected(Rejection.PRESENTER_IS_LISTENING);
        if (s.hasFloor(me)) return Decision.UNCHANGED;
        return new Decision.Changed(handOver(s, me, now, true));
    }

    static Decision endTurn(RoomState s, MemberId by, Instant now) {
        Floor f = s.floor();
        if (f == null) return rejected(Rejection.NO_ONE_HAS_FLOOR);
        if (!f.heldBy(by) && !s.participant(by).role().leads()) return rejected(Rejection.NOT_YOUR_TURN);
        if (s.goRound() != null && s.goRound().current().equals(f.member())) {
            return new Decision.Changed(CircleRules.advance(countTurn(s, f.member()), now));
        }
        return new Decision.Changed(s.withFloor(null));
    }

    static Decision putBack(RoomState s) {
        Floor f = s.floor();
        if (f == null) return rejected(Rejection.NO_ONE_HAS_FLOOR);
        if (s.goRound() != null) return rejected(Rejection.GO_ROUND_RUNNING);
        return changed(s, s.withFloor(null).withQueue(s.queue().withAtHead(f.member())));
    }

    /** The floor moves to {@code m}: their hand comes down, and the turn is counted unless it resumes one. */
    static RoomState handOver(RoomState s, MemberId m, Instant now, boolean countsAsTurn) {
        RoomState next = s.withQueue(s.queue().without(m)).withFloor(new Floor(m, now, countsAsTurn));
        return countsAsTurn ? countTurn(next, m) : next;
    }

    static RoomState countTurn(RoomState s, MemberId m) {
        return s.withRoster(s.roster().with(s.participant(m).withOneMoreTurn()));
    }
}
