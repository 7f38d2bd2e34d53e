package org.balintcompanion.room;

/** The moments of a Balint meeting. Which follow which depends on the {@link PhaseTemplate}. */
public enum Phase {
    OPENING,
    WHO_HAS_A_CASE,
    TELLING,
    GROUP_WORK,
    FACTUAL_QUESTIONS,
    PUSH_BACK,
    PRESENTER_RETURNS,
    CASE_CLOSED,
    CLOSING;

    /** During push-back the presenter sits back and listens in silence. */
    public boolean presenterListens() { return this == PUSH_BACK; }

    /** Phases that are about one case: a presenter must be chosen before entering them. */
    public boolean needsPresenter() {
        return this == TELLING || this == GROUP_WORK || this == FACTUAL_QUESTIONS
                || this == PUSH_BACK || this == PRESENTER_RETURNS;
    }
}
