package org.balintcompanion.room;

import java.time.Duration;
import java.util.List;

import org.balintcompanion.room.Command.*;
import org.junit.jupiter.api.Test;

import static org.balintcompanion.room.Decide.*;
import static org.balintcompanion.room.RoomFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhaseTest {

    @Test void aMeetingOpensInTheOpeningPhase() {
        assertEquals(Phase.OPENING, aRoom().build().phase().phase());
    }

    @Test void oneStepBackLeadsWhereThisMeetingCanHaveComeFrom_andEachIsAllowed() {
        PhaseTemplate open = PhaseTemplate.OPEN;
        assertEquals(List.of(), open.stepsBack(Phase.OPENING, 0));
        assertEquals(List.of(Phase.OPENING), open.stepsBack(Phase.WHO_HAS_A_CASE, 0));
        assertEquals(List.of(Phase.CASE_CLOSED), open.stepsBack(Phase.WHO_HAS_A_CASE, 1));
        assertEquals(List.of(Phase.OPENING, Phase.WHO_HAS_A_CASE), open.stepsBack(Phase.CLOSING, 0));
        assertEquals(List.of(Phase.WHO_HAS_A_CASE, Phase.CASE_CLOSED), open.stepsBack(Phase.CLOSING, 2));
        assertEquals(List.of(Phase.PRESENTER_RETURNS), PhaseTemplate.PUSH_BACK_TEMPLATE.stepsBack(Phase.CASE_CLOSED, 1));
        for (PhaseTemplate t : PhaseTemplate.values()) {
            for (Phase here : t.phases()) for (Phase back : t.stepsBack(here, 1)) assertTrue(t.allows(here, back));
        }
    }

    @Test void onlyLeadersChangeThePhase() {
        rejected(Rejection.NOT_A_LEADER, aRoom().build(), member(ALICE), new SetPhase(Phase.WHO_HAS_A_CASE));
        rejected(Rejection.OBSERVER_READ_ONLY, aRoom().build(), OBSERVER, new SetPhase(Phase.WHO_HAS_A_CASE));
    }

    @Test void theOpenTemplateRunsACaseCycleAndRepeats() {
        RoomState s = aRoom().build();
        s = accepted(s, LEADER, new SetPhase(Phase.WHO_HAS_A_CASE));
        s = accepted(s, LEADER, new SetPresenter(ALICE));
        s = accepted(s, LEADER, new SetPhase(Phase.TELLING));
        assertEquals(1, s.phase().caseNumber());
        s = accepted(s, LEADER, new SetPhase(Phase.GROUP_WORK));
        s = accepted(s, CO_LEADER, new SetPhase(Phase.CASE_CLOSED));
        s = accepted(s, LEADER, new SetPhase(Phase.WHO_HAS_A_CASE));
        assertNull(s.presenter());
        s = accepted(s, LEADER, new SetPresenter(BOB));
        s = accepted(s, LEADER, new SetPhase(Phase.TELLING));
        assertEquals(2, s.phase().caseNumber());
    }

    @Test void skippingAheadIsRefused() {
        rejected(Rejection.PHASE_NOT_ALLOWED, aRoom().build(), LEADER, new SetPhase(Phase.GROUP_WORK));
    }

    @Test void aLeaderCanStepBackOnePhaseAfterASlip() {
        RoomState s = accepted(aRoom().build(), LEADER, new SetPhase(Phase.WHO_HAS_A_CASE));
        s = accepted(s, LEADER, new SetPhase(Phase.OPENING));
        assertEquals(Phase.OPENING, s.phase().phase());
    }

    @Test void tellingNeedsAPresenter() {
        RoomState s = aRoom().inPhase(Phase.WHO_HAS_A_CASE).build();
        rejected(Rejection.PRESENTER_REQUIRED, s, LEADER, new SetPhase(Phase.TELLING));
    }

    @Test void thePresenterGetsTheFloorToTellTheCaseWithoutItCountingAsATurn() {
        RoomState s = aRoom().inPhase(Phase.WHO_HAS_A_CASE).withHandsUp(ALICE).build();
        s = accepted(s, LEADER, new SetPresenter(ALICE));
        s = accepted(s, LEADER, new SetPhase(Phase.TELLING));
        assertTrue(s.hasFloor(ALICE));
        assertFalse(s.queue().contains(ALICE));
        assertEquals(0, s.participant(ALICE).turns());
    }

    @Test void eachPhaseCarriesItsAdvisoryTargetAndStartTime() {
        RoomState s = aRoom().inPhase(Phase.WHO_HAS_A_CASE).withPresenter(ALICE).build();
        s = accepted(s, LEADER, new SetPhase(Phase.TELLING));
        assertEquals(Duration.ofMinutes(5), s.phase().target());
        assertEquals(NOW, s.phase().since());
    }

    @Test void silenceBeforeACaseHasNoTarget() {
        RoomState s = accepted(aRoom().build(), LEADER, new SetPhase(Phase.WHO_HAS_A_CASE));
        assertTrue(s.phase().target().isZero());
    }

    @Test void thePresenterMustBeAMember() {
        RoomState s = aRoom().inPhase(Phase.WHO_HAS_A_CASE).build();
        rejected(Rejection.NOT_A_MEMBER, s, LEADER, new SetPresenter(OSCAR));
        rejected(Rejection.NOT_A_MEMBER, s, LEADER, new SetPresenter(COLE));
    }

    @Test void thePresenterIsChosenBeforeTheCaseNotDuringIt() {
        rejected(Rejection.WRONG_PHASE, aRoom().inPhase(Phase.GROUP_WORK).withPresenter(ALICE).build(), LEADER, new SetPresenter(BOB));
    }

    @Test void choosingAPresenterClearsTheirCaseSignal() {
        RoomState s = aRoom().inPhase(Phase.WHO_HAS_A_CASE).build();
        s = accepted(s, member(BOB), new SignalCase(true));
        s = accepted(s, member(ALICE), new SignalCase(true));
        s = accepted(s, LEADER, new SetPresenter(BOB));
        assertEquals(List.of(ALICE), s.signals().hasCase());
    }

    @Test void pushBackTemplateRunsTellingQuestionsPushBackReturnAndClosing() {
        RoomState s = aRoom().template(PhaseTemplate.PUSH_BACK_TEMPLATE).inPhase(Phase.WHO_HAS_A_CASE).withPresenter(ALICE).build();
        for (Phase p : List.of(Phase.TELLING, Phase.FACTUAL_QUESTIONS, Phase.PUSH_BACK, Phase.PRESENTER_RETURNS,
                Phase.CASE_CLOSED, Phase.CLOSING)) {
            s = accepted(s, LEADER, new SetPhase(p));
        }
        assertEquals(Phase.CLOSING, s.phase().phase());
    }

    @Test void presenterCannotRaiseHandWhileListening() {
        RoomState room = aRoom().template(PhaseTemplate.PUSH_BACK_TEMPLATE).inPhase(Phase.PUSH_BACK).withPresenter(ALICE).build();
        rejected(Rejection.PRESENTER_IS_LISTENING, room, member(ALICE), new RaiseHand());
    }

    @Test void nobodyCanGiveTheListeningPresenterTheFloor() {
        RoomState room = aRoom().template(PhaseTemplate.PUSH_BACK_TEMPLATE).inPhase(Phase.PUSH_BACK).withPresenter(ALICE).build();
        rejected(Rejection.PRESENTER_IS_LISTENING, room, LEADER, new GiveFloor(ALICE));
        rejected(Rejection.PRESENTER_IS_LISTENING, room, LEADER, new RaiseHandFor(ALICE));
    }

    @Test void enteringPushBackLowersThePresentersHandAndEndsTheirTurn() {
        RoomState s = aRoom().template(PhaseTemplate.PUSH_BACK_TEMPLATE).inPhase(Phase.FACTUAL_QUESTIONS)
                .withPresenter(ALICE).withFloor(ALICE).build();
        s = s.withQueue(SpeakingQueue.EMPTY.raise(BOB, QueuePolicy.FIRST_COME, m -> 0));
        s = accepted(s, LEADER, new SetPhase(Phase.PUSH_BACK));
        assertNull(s.floor());
        assertTrue(s.isListening(ALICE));
        assertEquals(List.of(BOB), s.queue().members());
    }

    @Test void thePresenterReturnsWithTheFloorAndMayQueueAgain() {
        RoomState s = aRoom().template(PhaseTemplate.PUSH_BACK_TEMPLATE).inPhase(Phase.PUSH_BACK).withPresenter(ALICE).build();
        s = accepted(s, LEADER, new SetPhase(Phase.PRESENTER_RETURNS));
        assertTrue(s.hasFloor(ALICE));
        assertFalse(s.isListening(ALICE));
        s = accepted(s, member(ALICE), new EndTurn());
        s = accepted(s, member(ALICE), new RaiseHand());
        assertEquals(List.of(ALICE), s.queue().members());
    }

    @Test void closingACaseEndsTheFloorAndLiftsAQuestionPause() {
        RoomState s = aRoom().inPhase(Phase.GROUP_WORK).withPresenter(ALICE).withFloor(BOB).build();
        s = accepted(s, LEADER, new PauseQuestions(true));
        s = accepted(s, LEADER, new SetPhase(Phase.CASE_CLOSED));
        assertNull(s.floor());
        assertFalse(s.rules().questionsPaused());
    }
}
