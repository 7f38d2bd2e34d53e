package org.balintcompanion.room;

import java.time.Instant;

import org.balintcompanion.room.Command.*;

/**
 * The room's rules as one pure function: {@code (state, actor, command, now) -> decision}. No I/O, no clock, no
 * logging: time arrives as a parameter so every rule can be tested without threads. The caller bumps the version.
 */
public final class Room {
    private Room() {}

    public static Decision decide(RoomState s, Actor by, Command c, Instant now) {
        Rejection denied = Permissions.check(s, by, c);
        if (denied != null) return new Decision.Rejected(denied);
        MemberId me = by.member();
        return switch (c) {
            case RaiseHand r -> QueueRules.raise(s, me);
            case LowerHand l -> QueueRules.lower(s, me);
            case RaiseHandFor r -> QueueRules.raise(s, r.member());
            case LowerHandFor l -> QueueRules.lower(s, l.member());
            case LowerAllHands l -> QueueRules.lowerAll(s);
            case MoveHand m -> QueueRules.move(s, m.member(), m.toIndex());
            case GiveFloor g -> FloorRules.give(s, g.member(), now);
            case TakeFloor t -> FloorRules.take(s, me, now);
            case EndTurn e -> FloorRules.endTurn(s, me, now);
            case PutBack p -> FloorRules.putBack(s);
            case Pass p -> CircleRules.pass(s, me, now);
            case SetSeatOrder o -> CircleRules.setSeatOrder(s, o.order());
            case StartGoRound g -> CircleRules.startGoRound(s, now);
            case EndGoRound g -> CircleRules.endGoRound(s);
            case SetPhase p -> PhaseRules.setPhase(s, p.phase(), now);
            case SetPresenter p -> PhaseRules.setPresenter(s, p.member());
            case SetSpeakingRule r -> Outcomes.changed(s, s.withRules(s.rules().with(r.rule())));
            case SetQueuePolicy p -> Outcomes.changed(s, s.withRules(s.rules().with(p.policy())));
            case SetMutePolicy p -> Outcomes.changed(s, s.withRules(s.rules().with(p.policy())));
            case PauseQuestions p -> Outcomes.changed(s, s.withRules(s.rules().withQuestionsPaused(p.paused())));
            case SignalCase sc -> ParticipantRules.signalCase(s, me, sc.on());
            case SignalTooMuch t -> ParticipantRules.signalTooMuch(s, me, t.on());
            case ClearTooMuch t -> Outcomes.changed(s, s.withSignals(s.signals().withTooMuch(t.member(), false)));
            case ConfirmChecklistItem i -> ParticipantRules.confirm(s, me, i.item(), i.confirmed());
            case SetAttendance a -> ParticipantRules.setAttendance(s, a.member(), a.attendance());
            case ZoomHandRaised z -> QueueRules.raise(s, z.member());
            case ZoomHandLowered z -> QueueRules.lower(s, z.member());
            case ZoomParticipantBound z -> ZoomAppRules.bind(s, by, z.member(), z.participant());
            case PanelConnected p -> PresenceRules.connected(s, p.member());
            case PanelDisconnected p -> PresenceRules.disconnected(s, p.member(), now);
            case GraceExpired g -> PresenceRules.graceExpired(s, g.member(), g.since(), now);
            case ZoomSeen z -> PresenceRules.zoomSeen(s, z.member(), z.event());
            case ZoomMeetingEnded z -> PresenceRules.zoomMeetingEnded(s);
            case AccessWithdrawn w -> RosterRules.accessWithdrawn(s, w.member(), now);
            case RoleChanged r -> RosterRules.roleChanged(s, r.member(), r.role(), now);
            case RemovedFromRoster r -> RosterRules.removed(s, r.member(), now);
        };
    }
}
