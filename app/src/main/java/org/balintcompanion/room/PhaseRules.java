package org.balintcompanion.room;

import java.time.Instant;

import static org.balintcompanion.room.Outcomes.changed;
import static org.balintcompanion.room.Outcomes.rejected;

/**
 * Moving through the meeting's phases and choosing the presenter. Only leaders do this; timers never do.
 */
final class PhaseRules {
    private PhaseRules() {}

    static Decision setPhase(RoomState s, Phase to, Instant now) {
        Phase from = s.phase().phase();
        if (from == to) return Decision.UNCHANGED;
        if (!s.settings().template().allows(from, to)) return rejected(Rejection.PHASE_NOT_ALLOWED);
        if (to.needsPresenter() && s.presenter() == null) return rejected(Rejection.PRESENTER_REQUIRED);
        int caseNumber = s.phase().caseNumber() + (from == Phase.WHO_HAS_A_CASE && to == Phase.TELLING ? 1 : 0);
        RoomState next = s.withPhase(new PhaseState(to, now, s.settings().targetOf(to), caseNumber));
        if (to == Phase.TELLING) next = next.withPresentedCase(s.presenter());
        return new Decision.Changed(enter(next, to, now));
    }

    /** What each phase does to the floor and the presenter as it begins. */
    private static RoomState enter(RoomState s, Phase to, Instant now) {
        MemberId presenter = s.presenter();
        return switch (to) {
            case TELLING, PRESENTER_RETURNS -> FloorRules.handOver(s.withGoRound(null), presenter, now, false);
            case PUSH_BACK -> {
                RoomState next = s.withQueue(s.queue().without(presenter));
                yield next.hasFloor(presenter) ? next.withFloor(null) : next;
            }
            case CASE_CLOSED -> s.withFloor(null).withGoRound(null).withRules(s.rules().withQuestionsPaused(false));
            case WHO_HAS_A_CASE, CLOSING -> s.withPresenter(null).withRules(s.rules().withQuestionsPaused(false));
            case OPENING, GROUP_WORK, FACTUAL_QUESTIONS -> s;
        };
    }

    static Decision setPresenter(RoomState s, MemberId m) {
        Phase now = s.phase().phase();
        if (now != Phase.OPENING && now != Phase.WHO_HAS_A_CASE) return rejected(Rejection.WRONG_PHASE);
        if (m == null) return changed(s, s.withPresenter(null));
        if (s.participant(m).role() != Role.MEMBER) return rejected(Rejection.NOT_A_MEMBER);
        return changed(s, s.withPresenter(m).withSignals(s.signals().withCase(m, false)));
    }
}
