package org.balintcompanion.room;

import java.util.List;
import java.util.Set;

import org.balintcompanion.room.Command.*;
import org.junit.jupiter.api.Test;

import static org.balintcompanion.room.Decide.*;
import static org.balintcompanion.room.RoomFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalsAndChecklistTest {

    @Test void caseVolunteersAreListedInTheOrderTheySignalled() {
        RoomState s = aRoom().build();
        s = accepted(s, member(CAROL), new SignalCase(true));
        s = accepted(s, member(ALICE), new SignalCase(true));
        s = accepted(s, member(BOB), new SignalCase(true));
        assertEquals(List.of(CAROL, ALICE, BOB), s.signals().hasCase());
    }

    @Test void aMemberWithdrawsTheirCaseSignal() {
        RoomState s = accepted(aRoom().build(), member(CAROL), new SignalCase(true));
        s = accepted(s, member(CAROL), new SignalCase(false));
        assertTrue(s.signals().hasCase().isEmpty());
    }

    @Test void signallingTwiceChangesNothing() {
        RoomState s = accepted(aRoom().build(), member(CAROL), new SignalCase(true));
        unchanged(s, member(CAROL), new SignalCase(true));
    }

    @Test void leadersDoNotPresentCases() {
        rejected(Rejection.NOT_A_MEMBER, aRoom().build(), LEADER, new SignalCase(true));
    }

    @Test void theOverwhelmedPresenterSignalsTooMuchAndALeaderAcknowledgesIt() {
        RoomState s = aRoom().inPhase(Phase.GROUP_WORK).withPresenter(ALICE).build();
        s = accepted(s, member(ALICE), new SignalTooMuch(true));
        assertEquals(List.of(ALICE), s.signals().tooMuch());
        s = accepted(s, LEADER, new ClearTooMuch(ALICE));
        assertTrue(s.signals().tooMuch().isEmpty());
    }

    @Test void aMemberConfirmsAndWithdrawsAChecklistItem() {
        RoomState s = accepted(aRoom().build(), member(BOB), new ConfirmChecklistItem("alone", true));
        assertEquals(Set.of("alone"), s.participant(BOB).confirmed());
        s = accepted(s, member(BOB), new ConfirmChecklistItem("alone", false));
        assertTrue(s.participant(BOB).confirmed().isEmpty());
    }

    @Test void anItemNotOnTheChecklistIsRefused() {
        rejected(Rejection.UNKNOWN_CHECKLIST_ITEM, aRoom().build(), member(BOB), new ConfirmChecklistItem("pizza", true));
    }

    @Test void observersConfirmTheChecklistTooAndNothingElse() {
        RoomState s = accepted(aRoom().build(), OBSERVER, new ConfirmChecklistItem("alone", true));
        assertEquals(java.util.Set.of("alone"), s.participant(OSCAR).confirmed());
        rejected(Rejection.OBSERVER_READ_ONLY, s, OBSERVER, new SignalTooMuch(true));
    }

    @Test void leaderMarksAMemberAsInTheRoom() {
        RoomState s = accepted(aRoom().build(), LEADER, new SetAttendance(DAN, Attendance.IN_ROOM));
        assertEquals(Attendance.IN_ROOM, s.participant(DAN).attendance());
    }

    @Test void aGroupThatRefusesPhoneOnlyMembersCannotHaveOneMarkedSo() {
        RoomState room = aRoom().build();
        var st = room.settings();
        room = new RoomState(room.id(), room.title(), room.epoch(), room.version(), new RoomSettings(st.template(), st.phaseTargets(),
                st.timersShownToMembers(), st.checklist(), st.earlierCases(), false), room.roster(), room.queue(), room.floor(),
                room.phase(), room.presenter(), room.goRound(), room.signals(), room.rules(), room.presented());
        rejected(Rejection.PHONE_NOT_ALLOWED, room, LEADER, new SetAttendance(DAN, Attendance.PHONE));
        assertEquals(Attendance.IN_ROOM, accepted(room, LEADER, new SetAttendance(DAN, Attendance.IN_ROOM)).participant(DAN).attendance());
    }

    @Test void onlyTheFloorHolderAndLeadersAreInvitedToUnmuteUnderRaiseHand() {
        RoomState s = aRoom().withFloor(BOB).build();
        assertTrue(s.invitedToUnmute(BOB));
        assertTrue(s.invitedToUnmute(LEA));
        assertEquals(false, s.invitedToUnmute(ALICE));
        assertEquals(false, s.invitedToUnmute(OSCAR));
    }

    @Test void floorOnlyMutePolicyKeepsLeadersMutedToo() {
        RoomState s = accepted(aRoom().withFloor(BOB).build(), LEADER, new SetMutePolicy(MutePolicy.FLOOR_ONLY));
        assertEquals(false, s.invitedToUnmute(LEA));
        assertTrue(s.invitedToUnmute(BOB));
    }

    @Test void speakingFreelyInvitesEveryoneButObserversAndTheListeningPresenter() {
        RoomState s = aRoom().template(PhaseTemplate.PUSH_BACK_TEMPLATE).inPhase(Phase.PUSH_BACK).withPresenter(ALICE).build();
        s = accepted(s, LEADER, new SetSpeakingRule(SpeakingRule.SPEAK_FREELY));
        assertTrue(s.invitedToUnmute(BOB));
        assertEquals(false, s.invitedToUnmute(ALICE));
        assertEquals(false, s.invitedToUnmute(OSCAR));
    }
}
