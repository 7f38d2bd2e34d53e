package org.balintcompanion.room;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The current phase, when it began and its advisory target. The target only informs: nothing ever ends a phase or
 * cuts anyone off when it passes. {@code caseNumber} counts the cases told in this meeting.
 */
public record PhaseState(Phase phase, Instant since, Duration target, int caseNumber) {
    public PhaseState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(target, "target");   // Duration.ZERO: no target
    }
}
