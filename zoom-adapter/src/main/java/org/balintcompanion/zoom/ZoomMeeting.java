package org.balintcompanion.zoom;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A meeting as Zoom has it. {@link #toString()} shows neither the passcode nor the join URL (Zoom's join URLs may
 * embed the passcode).
 *
 * @param id       Zoom's meeting id (can exceed 10 digits)
 * @param start    absent for meetings without a fixed time
 * @param passcode absent when the meeting has none
 */
public record ZoomMeeting(long id, String topic, Optional<ZonedDateTime> start, Duration duration, URI joinUrl,
                          Optional<String> passcode) {

    public ZoomMeeting {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(joinUrl, "joinUrl");
        Objects.requireNonNull(passcode, "passcode");
    }

    @Override
    public String toString() {
        return "ZoomMeeting[id=" + id + ", topic=" + topic + ", start=" + start.map(Object::toString).orElse("none")
                + ", duration=" + duration + ", passcode=" + (passcode.isPresent() ? "<redacted>" : "none") + "]";
    }
}
