package org.balintcompanion.room;

/** The group's agreed way of taking turns. */
public enum SpeakingRule {
    /** The queue is enforced: only a leader gives the floor. */
    RAISE_HAND,
    /** The queue is advisory: members may take the floor themselves and the current speaker is shown. */
    SPEAK_FREELY
}
