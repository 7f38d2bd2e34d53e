package org.balintcompanion.room;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.balintcompanion.room.Phase.*;

/**
 * The two ways groups run a meeting. A leader moves forward along the arrows, or back one step to undo a slip;
 * case cycles repeat through {@code CASE_CLOSED -> WHO_HAS_A_CASE}.
 */
public enum PhaseTemplate {
    /** The French "open" sequence described in the Bordeaux thesis. */
    OPEN(Map.of(
            OPENING, List.of(WHO_HAS_A_CASE, CLOSING),
            WHO_HAS_A_CASE, List.of(TELLING, CLOSING),
            TELLING, List.of(GROUP_WORK),
            GROUP_WORK, List.of(CASE_CLOSED),
            CASE_CLOSED, List.of(WHO_HAS_A_CASE, CLOSING),
            CLOSING, List.of())),
    /** The structured sequence where the presenter listens silently while the group works (team choice). */
    PUSH_BACK_TEMPLATE(Map.of(
            OPENING, List.of(WHO_HAS_A_CASE, CLOSING),
            WHO_HAS_A_CASE, List.of(TELLING, CLOSING),
            TELLING, List.of(FACTUAL_QUESTIONS),
            FACTUAL_QUESTIONS, List.of(PUSH_BACK),
            PUSH_BACK, List.of(PRESENTER_RETURNS),
            PRESENTER_RETURNS, List.of(CASE_CLOSED),
            CASE_CLOSED, List.of(WHO_HAS_A_CASE, CLOSING),
            CLOSING, List.of()));

    private final Map<Phase, List<Phase>> next;

    PhaseTemplate(Map<Phase, List<Phase>> next) { this.next = next; }

    public Set<Phase> phases() { return next.keySet(); }

    public List<Phase> nextPhases(Phase from) { return next.getOrDefault(from, List.of()); }

    /**
     * Where "one step back" from {@code here} leads: the phases with an arrow to it that this meeting can have come
     * from: before the first case is told ({@code casesTold == 0}) no case was closed, and after it the opening is
     * behind us.
     */
    public List<Phase> stepsBack(Phase here, int casesTold) {
        return Arrays.stream(Phase.values())
                .filter(from -> nextPhases(from).contains(here))
                .filter(from -> from != (casesTold > 0 ? OPENING : CASE_CLOSED))
                .toList();
    }

    /** Forward along an arrow, or back along one (a leader clicked too early). */
    public boolean allows(Phase from, Phase to) {
        return nextPhases(from).contains(to) || nextPhases(to).contains(from);
    }
}
