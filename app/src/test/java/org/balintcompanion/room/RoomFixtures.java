package org.balintcompanion.room;

import java.time.Instant;
import java.util.List;

/** Test data builders for rooms: {@code aRoom().inPhase(PUSH_BACK).withPresenter(ALICE).build()}. */
final class RoomFixtures {
    static final MemberId LEA = MemberId.of("lea");
    static final MemberId COLE = MemberId.of("cole");
    static final MemberId ALICE = MemberId.of("alice");
    static final MemberId BOB = MemberId.of("bob");
    static final MemberId CAROL = MemberId.of("carol");
    static final MemberId DAN = MemberId.of("dan");
    static final MemberId OSCAR = MemberId.of("oscar");
    static final MemberId STRANGER = MemberId.of("stranger");
    static final Instant T0 = Instant.parse("2026-11-27T18:00:00Z");

    static final Actor LEADER = new Actor(LEA, Role.LEADER);
    static final Actor CO_LEADER = new Actor(COLE, Role.CO_LEADER);
    static final Actor OBSERVER = new Actor(OSCAR, Role.OBSERVER);

    static Actor member(MemberId m) { return new Actor(m, Role.MEMBER); }

    static Builder aRoom() { return new Builder(); }

    static List<Participant> roster() {
        return List.of(
                Participant.onRoster(LEA, "Léa", Role.LEADER),
                Participant.onRoster(ALICE, "Alice", Role.MEMBER),
                Participant.onRoster(BOB, "Bob", Role.MEMBER),
                Participant.onRoster(COLE, "Cole", Role.CO_LEADER),
                Participant.onRoster(CAROL, "Carol", Role.MEMBER),
                Participant.onRoster(DAN, "Dan", Role.MEMBER),
                Participant.onRoster(OSCAR, "Oscar", Role.OBSERVER));
    }

    static final class Builder {
        private RoomState s = RoomState.opening(RoomId.of("r1"), "Groupe", "epoch-1",
                RoomSettings.defaults(PhaseTemplate.OPEN), roster(), T0);

        Builder template(PhaseTemplate t) {
            var old = s.settings();
            s = new RoomState(s.id(), s.title(), s.epoch(), s.version(),
                    new RoomSettings(t, old.phaseTargets(), old.timersShownToMembers(), old.checklist()),
                    s.roster(), s.queue(), s.floor(), s.phase(), s.presenter(), s.goRound(), s.signals(), s.rules(), s.presented());
            return this;
        }

        Builder inPhase(Phase p) {
            s = s.withPhase(new PhaseState(p, T0, s.settings().targetOf(p), 1));
            return this;
        }

        Builder withPresenter(MemberId m) {
            s = s.withPresenter(m);
            return this;
        }

        Builder withHandsUp(MemberId... ms) {
            for (MemberId m : ms) s = s.withQueue(s.queue().raise(m, QueuePolicy.FIRST_COME, x -> 0));
            return this;
        }

        Builder withFloor(MemberId m) {
            s = s.withFloor(new Floor(m, T0, true));
            return this;
        }

        Builder withTurns(MemberId m, int turns) {
            Participant p = s.participant(m);
            for (int i = 0; i < turns; i++) p = p.withOneMoreTurn();
            s = s.withRoster(s.roster().with(p));
            return this;
        }

        Builder with(SpeakingRule r) {
            s = s.withRules(s.rules().with(r));
            return this;
        }

        Builder with(QueuePolicy p) {
            s = s.withRules(s.rules().with(p));
            return this;
        }

        Builder with(MutePolicy p) {
            s = s.withRules(s.rules().with(p));
            return this;
        }

        Builder presence(MemberId m, Presence p, Instant since) {
            s = s.withRoster(s.roster().with(s.participant(m).withPresence(p, since)));
            return this;
        }

        /** Every person has their panel open, as in a meeting under way. */
        Builder everyoneConnected() {
            for (MemberId m : s.roster().seats()) s = s.withRoster(s.roster().with(s.participant(m).withPresence(Presence.CONNECTED, null)));
            return this;
        }

        Builder attendance(MemberId m, Attendance a) {
            s = s.withRoster(s.roster().with(s.participant(m).withAttendance(a)));
            return this;
        }

        RoomState build() { return s; }
    }
}
