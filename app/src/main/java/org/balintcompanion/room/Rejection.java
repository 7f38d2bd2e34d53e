package org.balintcompanion.room;

import java.util.Locale;

/** Why a command was refused. The code is stable (clients switch on it); the message is for people. */
public enum Rejection {
    OBSERVER_READ_ONLY("Observers follow the meeting without changing it."),
    NOT_A_LEADER("Only a leader can do this."),
    SYSTEM_ONLY("Only the server can report presence."),
    NOT_ON_ROSTER("This person is not on the group's roster."),
    ROLE_CHANGED("Your link was made for another role in this group: ask a leader for a new link."),
    CANNOT_SPEAK("Observers do not take the floor or queue."),
    NOT_A_MEMBER("Only members (not leaders or observers) can do this."),
    PRESENTER_IS_LISTENING("The presenter listens in silence during push-back; the leader brings them back."),
    ALREADY_HAS_FLOOR("You have the floor already."),
    NOT_IN_QUEUE("This person has no hand raised."),
    QUEUE_POSITION_OUT_OF_RANGE("There is no such place in the queue."),
    NO_ONE_WAITING("Nobody has a hand raised."),
    NO_ONE_HAS_FLOOR("Nobody has the floor."),
    NOT_YOUR_TURN("Only the person who has the floor, or a leader, can end this turn."),
    SPEAKING_RULE_IS_RAISE_HAND("The group raises hands: a leader gives the floor."),
    NO_GO_ROUND("No go-round is running."),
    GO_ROUND_RUNNING("A go-round is already running."),
    NOBODY_TO_GO_ROUND("Nobody in the circle can take part in a go-round."),
    NOT_YOUR_TURN_IN_ROUND("It is not your turn in the go-round."),
    INVALID_SEAT_ORDER("The seat order must name everyone on the roster exactly once."),
    PHASE_NOT_ALLOWED("This template does not go to that phase from the current one."),
    PRESENTER_REQUIRED("Choose who presents the case before this phase."),
    WRONG_PHASE("This is not possible in the current phase."),
    UNKNOWN_CHECKLIST_ITEM("This item is not on the group's checklist."),
    ZOOM_PARTICIPANT_TAKEN("This Zoom participant is already someone else on the roster: a leader can correct it."),
    PHONE_NOT_ALLOWED("This group has chosen not to accept members by phone only.");

    private final String message;

    Rejection(String message) { this.message = message; }

    /** Stable wire code, e.g. {@code presenter_is_listening}. */
    public String code() { return name().toLowerCase(Locale.ROOT); }

    public String message() { return message; }
}
