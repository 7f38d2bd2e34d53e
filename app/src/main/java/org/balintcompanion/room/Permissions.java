package org.balintcompanion.room;

import org.balintcompanion.room.Command.*;

/**
 * Who may send what. The role in the caller's token must still be their role on the room's roster, so a link
 * minted before a role change cannot act with the old role.
 */
final class Permissions {
    private Permissions() {}

    /** {@code SELF_OR_LEADER}: a participant about themself, a leader about anyone (the Zoom App's reports). */
    enum Audience { PARTICIPANT, SELF_OR_LEADER, LEADER, SYSTEM }

    static Audience audienceOf(Command c) {
        return switch (c) {
            case RaiseHand x -> Audience.PARTICIPANT;
            case LowerHand x -> Audience.PARTICIPANT;
            case TakeFloor x -> Audience.PARTICIPANT;
            case EndTurn x -> Audience.PARTICIPANT;
            case Pass x -> Audience.PARTICIPANT;
            case SignalCase x -> Audience.PARTICIPANT;
            case SignalTooMuch x -> Audience.PARTICIPANT;
            case ConfirmChecklistItem x -> Audience.PARTICIPANT;
            case RaiseHandFor x -> Audience.LEADER;
            case LowerHandFor x -> Audience.LEADER;
            case LowerAllHands x -> Audience.LEADER;
            case MoveHand x -> Audience.LEADER;
            case GiveFloor x -> Audience.LEADER;
            case PutBack x -> Audience.LEADER;
            case SetSeatOrder x -> Audience.LEADER;
            case StartGoRound x -> Audience.LEADER;
            case EndGoRound x -> Audience.LEADER;
            case SetPhase x -> Audience.LEADER;
            case SetPresenter x -> Audience.LEADER;
            case SetSpeakingRule x -> Audience.LEADER;
            case SetQueuePolicy x -> Audience.LEADER;
            case SetMutePolicy x -> Audience.LEADER;
            case PauseQuestions x -> Audience.LEADER;
            case ClearTooMuch x -> Audience.LEADER;
            case SetAttendance x -> Audience.LEADER;
            case ZoomHandRaised x -> Audience.SELF_OR_LEADER;
            case ZoomHandLowered x -> Audience.SELF_OR_LEADER;
            case ZoomParticipantBound x -> Audience.SELF_OR_LEADER;
            case PanelConnected x -> Audience.SYSTEM;
            case PanelDisconnected x -> Audience.SYSTEM;
            case GraceExpired x -> Audience.SYSTEM;
            case ZoomSeen x -> Audience.SYSTEM;
            case ZoomMeetingEnded x -> Audience.SYSTEM;
            case AccessWithdrawn x -> Audience.SYSTEM;
            case RoleChanged x -> Audience.SYSTEM;
            case RemovedFromRoster x -> Audience.SYSTEM;
        };
    }

    /** Null when allowed. */
    static Rejection check(RoomState s, Actor by, Command c) {
        Audience audience = audienceOf(c);
        if (by.role() == Role.SYSTEM) return audience == Audience.SYSTEM ? null : Rejection.NOT_A_LEADER;
        if (audience == Audience.SYSTEM) return Rejection.SYSTEM_ONLY;
        Participant p = s.participant(by.member());
        if (p == null) return Rejection.NOT_ON_ROSTER;
        if (p.role() != by.role()) return Rejection.ROLE_CHANGED;
        // Observers hear everything said in the group: they confirm its confidentiality like anyone, and do nothing else.
        if (p.role() == Role.OBSERVER && !(c instanceof ConfirmChecklistItem)) return Rejection.OBSERVER_READ_ONLY;
        if (audience == Audience.LEADER && !p.role().leads()) return Rejection.NOT_A_LEADER;
        // Only the host's Zoom App sees everyone's hands and tiles; a member's app speaks for its own person only.
        if (audience == Audience.SELF_OR_LEADER && !p.role().leads() && !by.member().equals(targetOf(c))) return Rejection.NOT_A_LEADER;
        return targetCheck(s, c);
    }

    /** Commands naming another person must name someone on the roster. */
    private static Rejection targetCheck(RoomState s, Command c) {
        MemberId target = targetOf(c);
        return target == null || s.roster().contains(target) ? null : Rejection.NOT_ON_ROSTER;
    }

    private static MemberId targetOf(Command c) {
        return switch (c) {
            case RaiseHandFor x -> x.member();
            case LowerHandFor x -> x.member();
            case MoveHand x -> x.member();
            case GiveFloor x -> x.member();
            case SetPresenter x -> x.member();
            case ClearTooMuch x -> x.member();
            case SetAttendance x -> x.member();
            case ZoomHandRaised x -> x.member();
            case ZoomHandLowered x -> x.member();
            case ZoomParticipantBound x -> x.member();
            default -> null;
        };
    }
}
