package org.balintcompanion.room;

import java.util.List;

import org.balintcompanion.room.Command.*;

import static org.balintcompanion.room.RoomFixtures.*;

/** One sample of every command, checked complete by {@link CommandCoverageTest}. */
final class CommandSamples {
    private CommandSamples() {}

    static List<Command> all() {
        return List.of(new RaiseHand(), new LowerHand(), new TakeFloor(), new EndTurn(), new Pass(),
                new SignalCase(true), new SignalTooMuch(true), new ConfirmChecklistItem("alone", true),
                new RaiseHandFor(BOB), new LowerHandFor(BOB), new LowerAllHands(), new MoveHand(BOB, 0),
                new GiveFloor(null), new PutBack(), new SetSeatOrder(List.of(DAN, LEA, CAROL, COLE, BOB, ALICE, OSCAR)),
                new StartGoRound(), new EndGoRound(), new SetPhase(Phase.WHO_HAS_A_CASE), new SetPresenter(BOB),
                new SetSpeakingRule(SpeakingRule.SPEAK_FREELY), new SetQueuePolicy(QueuePolicy.FIRST_COME),
                new SetMutePolicy(MutePolicy.FLOOR_ONLY), new PauseQuestions(true), new ClearTooMuch(BOB),
                new SetAttendance(BOB, Attendance.PHONE), new PanelConnected(BOB), new PanelDisconnected(BOB),
                new GraceExpired(BOB, T0), new ZoomSeen(BOB, ZoomPresence.ZoomEvent.JOINED_MEETING), new ZoomMeetingEnded(),
                new AccessWithdrawn(BOB), new RoleChanged(BOB, Role.OBSERVER), new RemovedFromRoster(BOB),
                // The Zoom App's reports: about the sender themself (BOB, as member(BOB) sends them) and about another
                new ZoomHandRaised(BOB), new ZoomHandRaised(CAROL), new ZoomHandLowered(BOB), new ZoomHandLowered(CAROL),
                new ZoomParticipantBound(BOB, ZoomParticipantId.of("tile-bob")),
                new ZoomParticipantBound(CAROL, ZoomParticipantId.of("tile-carol")));
    }
}
