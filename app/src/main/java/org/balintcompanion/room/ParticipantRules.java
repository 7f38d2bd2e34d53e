package org.balintcompanion.room;

import static org.balintcompanion.room.Outcomes.changed;
import static org.balintcompanion.room.Outcomes.rejected;

/** Private signals, the confidentiality checklist and how each person attends. */
final class ParticipantRules {
    private ParticipantRules() {}

    static Decision signalCase(RoomState s, MemberId me, boolean on) {
        if (s.participant(me).role() != Role.MEMBER) return rejected(Rejection.NOT_A_MEMBER);
        return changed(s, s.withSignals(s.signals().withCase(me, on)));
    }

    static Decision signalTooMuch(RoomState s, MemberId me, boolean on) {
        if (s.participant(me).role() != Role.MEMBER) return rejected(Rejection.NOT_A_MEMBER);
        return changed(s, s.withSignals(s.signals().withTooMuch(me, on)));
    }

    static Decision confirm(RoomState s, MemberId me, String item, boolean yes) {
        if (!s.settings().hasChecklistItem(item)) return rejected(Rejection.UNKNOWN_CHECKLIST_ITEM);
        return changed(s, s.withRoster(s.roster().with(s.participant(me).withConfirmation(item, yes))));
    }

    static Decision setAttendance(RoomState s, MemberId m, Attendance a) {
        if (a == Attendance.PHONE && !s.settings().phoneOnlyAllowed()) return rejected(Rejection.PHONE_NOT_ALLOWED);
        Participant p = s.participant(m);
        return p.attendance() == a ? Decision.UNCHANGED : new Decision.Changed(s.withRoster(s.roster().with(p.withAttendance(a))));
    }
}
