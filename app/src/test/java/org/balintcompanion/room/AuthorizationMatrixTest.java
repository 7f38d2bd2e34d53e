package org.balintcompanion.room;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.balintcompanion.room.RoomFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command from every role: what each role may send, checked in the pure core. */
class AuthorizationMatrixTest {

    static Stream<Arguments> everyCommandFromEveryRole() {
        return CommandSamples.all().stream().flatMap(c -> Stream.of(
                Arguments.of(c, LEADER), Arguments.of(c, CO_LEADER), Arguments.of(c, member(BOB)),
                Arguments.of(c, OBSERVER), Arguments.of(c, Actor.SYSTEM),
                Arguments.of(c, new Actor(STRANGER, Role.MEMBER))));
    }

    @ParameterizedTest(name = "{1} sends {0}")
    @MethodSource("everyCommandFromEveryRole")
    void eachRoleMaySendOnlyWhatItsRoleAllows(Command c, Actor by) {
        RoomState room = aRoom().build();
        Decision d = Room.decide(room, by, c, Decide.NOW);
        Permissions.Audience audience = Permissions.audienceOf(c);
        if (by.role() == Role.SYSTEM) {
            assertAllowedOnlyIf(audience == Permissions.Audience.SYSTEM, d, Rejection.NOT_A_LEADER);
        } else if (audience == Permissions.Audience.SYSTEM) {
            assertEquals(new Decision.Rejected(Rejection.SYSTEM_ONLY), d);
        } else if (by.member().equals(STRANGER)) {
            assertEquals(new Decision.Rejected(Rejection.NOT_ON_ROSTER), d);
        } else if (by.role() == Role.OBSERVER && c instanceof Command.ConfirmChecklistItem) {
            assertFalse(isRoleRefusal(d), () -> "an observer confirms the checklist too, got " + d);
        } else if (by.role() == Role.OBSERVER) {
            assertEquals(new Decision.Rejected(Rejection.OBSERVER_READ_ONLY), d);
        } else if (audience == Permissions.Audience.LEADER) {
            assertAllowedOnlyIf(by.role().leads(), d, Rejection.NOT_A_LEADER);
        } else if (audience == Permissions.Audience.SELF_OR_LEADER) {
            assertAllowedOnlyIf(by.role().leads() || by.member().equals(subjectOf(c)), d, Rejection.NOT_A_LEADER);
        } else {
            assertFalse(isRoleRefusal(d), () -> by + " may send " + c + " but got " + d);
        }
    }

    /** The person a Zoom App report is about. */
    private static MemberId subjectOf(Command c) {
        return switch (c) {
            case Command.ZoomHandRaised z -> z.member();
            case Command.ZoomHandLowered z -> z.member();
            case Command.ZoomParticipantBound z -> z.member();
            default -> throw new AssertionError("not a Zoom App report: " + c);
        };
    }

    private static void assertAllowedOnlyIf(boolean allowed, Decision d, Rejection refusal) {
        if (allowed) assertFalse(isRoleRefusal(d), () -> "should be allowed, got " + d);
        else assertEquals(new Decision.Rejected(refusal), d);
    }

    private static boolean isRoleRefusal(Decision d) {
        return d instanceof Decision.Rejected r && switch (r.reason()) {
            case NOT_A_LEADER, OBSERVER_READ_ONLY, SYSTEM_ONLY, NOT_ON_ROSTER, ROLE_CHANGED -> true;
            default -> false;
        };
    }

    @ParameterizedTest(name = "a member whose token says leader sends {0}")
    @MethodSource("commands")
    void aTokenWhoseRoleNoLongerMatchesTheRosterIsRefused(Command c) {
        Decision d = Room.decide(aRoom().build(), new Actor(BOB, Role.LEADER), c, Decide.NOW);
        Rejection expected = Permissions.audienceOf(c) == Permissions.Audience.SYSTEM ? Rejection.SYSTEM_ONLY : Rejection.ROLE_CHANGED;
        assertEquals(new Decision.Rejected(expected), d);
    }

    @ParameterizedTest(name = "observer sends {0}")
    @MethodSource("commands")
    void observersChangeNothingButTheirOwnChecklist(Command c) {
        RoomState room = aRoom().build();
        Decision d = Room.decide(room, OBSERVER, c, Decide.NOW);
        if (d instanceof Decision.Changed changed) {
            assertEquals(room.withRoster(room.roster().with(changed.state().participant(OSCAR))), changed.state(),
                    "only the observer's own checklist answers changed");
        }
        assertTrue(c instanceof Command.ConfirmChecklistItem || !(d instanceof Decision.Changed), () -> c + " → " + d);
    }

    static Stream<Command> commands() { return CommandSamples.all().stream(); }
}
