package org.balintcompanion.room;

import java.time.Instant;

import static org.balintcompanion.room.Outcomes.changed;
import static org.balintcompanion.room.Outcomes.rejected;

/**
 * The group's roster changed while the room is open. Whoever loses their access, their place on the roster or their
 * right to speak leaves the queue and the floor at once: nobody keeps a place they may no longer hold.
 */
final class RosterRules {
    private RosterRules() {}

    /** Shown gone, as after an expired grace period; they stay on the roster in case a leader gives them a new link. */
    static Decision accessWithdrawn(RoomState s, MemberId m, Instant now) {
        Participant p = s.participant(m);
        if (p == null) return rejected(Rejection.NOT_ON_ROSTER);
        RoomState next = outOfTheRound(PresenceRules.withoutHandOrFloor(s, m, now), m, now);
        next = next.withRoster(next.roster().with(next.participant(m).withPresence(Presence.GONE, null)));
        return changed(s, withoutCaseRole(next, m, now));
    }

    static Decision roleChanged(RoomState s, MemberId m, Role role, Instant now) {
        Participant p = s.participant(m);
        if (p == null) return rejected(Rejection.NOT_ON_ROSTER);
        if (p.role() == role) return Decision.UNCHANGED;
        RoomState next = role.speaks() ? s : PresenceRules.withoutHandOrFloor(s, m, now);
        if (role != Role.MEMBER) next = withoutCaseRole(outOfTheRound(next, m, now), m, now);   // rounds, signals, presenting: members only
        return new Decision.Changed(next.withRoster(next.roster().with(next.participant(m).withRole(role))));
    }

    static Decision removed(RoomState s, MemberId m, Instant now) {
        if (s.participant(m) == null) return rejected(Rejection.NOT_ON_ROSTER);
        RoomState next = outOfTheRound(PresenceRules.withoutHandOrFloor(s, m, now), m, now);
        if (next.goRound() != null) next = next.withGoRound(next.goRound().without(m));
        next = withoutCaseRole(next, m, now).withoutPresented(m);
        return new Decision.Changed(next.withRoster(next.roster().without(m)));
    }

    /**
     * No more signals, and no more presenting: a case cannot go on without its presenter, so the room closes it as a
     * leader would (the next case starts from "who has a case").
     */
    private static RoomState withoutCaseRole(RoomState s, MemberId m, Instant now) {
        RoomState next = s.withSignals(s.signals().without(m));
        if (!next.isPresenter(m)) return next;
        if (next.phase().phase().needsPresenter()) {
            PhaseState p = next.phase();
            next = next.withPhase(new PhaseState(Phase.CASE_CLOSED, now, next.settings().targetOf(Phase.CASE_CLOSED), p.caseNumber()))
                    .withFloor(null).withGoRound(null).withRules(next.rules().withQuestionsPaused(false));
        }
        return next.withPresenter(null);
    }

    /** A round whose turn is theirs moves on, even when a leader had given the floor to someone else meanwhile. */
    private static RoomState outOfTheRound(RoomState s, MemberId m, Instant now) {
        return s.goRound() != null && s.goRound().current().equals(m) ? CircleRules.advance(s, now) : s;
    }
}
