package org.balintcompanion.room;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything that can change a room. Who sends it travels separately as an {@link Actor}. Commands carry no free
 * text: nothing a member says about a patient can enter the room state.
 */
public sealed interface Command {
    // A participant about themself
    record RaiseHand() implements Command {}
    record LowerHand() implements Command {}
    /** "Speak freely" only: the member marks themself as the current speaker. */
    record TakeFloor() implements Command {}
    /** The floor holder ends their turn; a leader may end anyone's. */
    record EndTurn() implements Command {}
    /** The current member of a go-round passes; nothing about it is counted. */
    record Pass() implements Command {}
    record SignalCase(boolean on) implements Command {}
    record SignalTooMuch(boolean on) implements Command {}
    record ConfirmChecklistItem(String item, boolean confirmed) implements Command {
        public ConfirmChecklistItem { Objects.requireNonNull(item, "item"); }
    }

    // Leaders
    record RaiseHandFor(MemberId member) implements Command {
        public RaiseHandFor { Objects.requireNonNull(member, "member"); }
    }
    record LowerHandFor(MemberId member) implements Command {
        public LowerHandFor { Objects.requireNonNull(member, "member"); }
    }
    record LowerAllHands() implements Command {}
    record MoveHand(MemberId member, int toIndex) implements Command {
        public MoveHand { Objects.requireNonNull(member, "member"); }
    }
    /** {@code member} null: give the floor to the head of the queue. */
    record GiveFloor(MemberId member) implements Command {}
    /** The interrupted floor holder goes back to the head of the queue; their next turn is not a new one. */
    record PutBack() implements Command {}
    record SetSeatOrder(List<MemberId> order) implements Command {
        public SetSeatOrder { order = List.copyOf(order); }
    }
    record StartGoRound() implements Command {}
    record EndGoRound() implements Command {}
    record SetPhase(Phase phase) implements Command {
        public SetPhase { Objects.requireNonNull(phase, "phase"); }
    }
    /** {@code member} null: no presenter. */
    record SetPresenter(MemberId member) implements Command {}
    record SetSpeakingRule(SpeakingRule rule) implements Command {
        public SetSpeakingRule { Objects.requireNonNull(rule, "rule"); }
    }
    record SetQueuePolicy(QueuePolicy policy) implements Command {
        public SetQueuePolicy { Objects.requireNonNull(policy, "policy"); }
    }
    record SetMutePolicy(MutePolicy policy) implements Command {
        public SetMutePolicy { Objects.requireNonNull(policy, "policy"); }
    }
    record PauseQuestions(boolean paused) implements Command {}
    record ClearTooMuch(MemberId member) implements Command {
        public ClearTooMuch { Objects.requireNonNull(member, "member"); }
    }
    record SetAttendance(MemberId member, Attendance attendance) implements Command {
        public SetAttendance {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(attendance, "attendance");
        }
    }

    // The Zoom App inside a Zoom client: a person's own app reports about them, a leader's (the host's) about anyone
    /** The person raised their hand with Zoom's own button: they enter the companion's queue like any raised hand. */
    record ZoomHandRaised(MemberId member) implements Command {
        public ZoomHandRaised { Objects.requireNonNull(member, "member"); }
    }
    /** The person's hand went down in Zoom: their place in the queue goes too. */
    record ZoomHandLowered(MemberId member) implements Command {
        public ZoomHandLowered { Objects.requireNonNull(member, "member"); }
    }
    /** This Zoom participant (a tile in the meeting) is this person on the roster. */
    record ZoomParticipantBound(MemberId member, ZoomParticipantId participant) implements Command {
        public ZoomParticipantBound {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(participant, "participant");
        }
    }

    // The server itself
    record PanelConnected(MemberId member) implements Command {
        public PanelConnected { Objects.requireNonNull(member, "member"); }
    }
    record PanelDisconnected(MemberId member) implements Command {
        public PanelDisconnected { Objects.requireNonNull(member, "member"); }
    }
    /** A verified Zoom webhook about one person, already matched to the roster. */
    record ZoomSeen(MemberId member, ZoomPresence.ZoomEvent event) implements Command {
        public ZoomSeen {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(event, "event");
        }
    }
    /** The Zoom meeting ended: nobody is in it any more. */
    record ZoomMeetingEnded() implements Command {}
    /** Sent by the grace timer; {@code since} names the disconnection it was armed for. */
    record GraceExpired(MemberId member, Instant since) implements Command {
        public GraceExpired {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(since, "since");
        }
    }

    // The group's roster, changed by an administrator while the room is open
    /** Every link this person held for the meeting was revoked: they leave the queue, the floor and the room. */
    record AccessWithdrawn(MemberId member) implements Command {
        public AccessWithdrawn { Objects.requireNonNull(member, "member"); }
    }
    /** The person's role in the group changed: from now on the room treats them with the new one. */
    record RoleChanged(MemberId member, Role role) implements Command {
        public RoleChanged {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(role, "role");
            if (role == Role.SYSTEM) throw new IllegalArgumentException("the system is not a role on a roster");
        }
    }
    /** The person was taken off the group's roster (or deleted): they leave the room altogether. */
    record RemovedFromRoster(MemberId member) implements Command {
        public RemovedFromRoster { Objects.requireNonNull(member, "member"); }
    }
}
