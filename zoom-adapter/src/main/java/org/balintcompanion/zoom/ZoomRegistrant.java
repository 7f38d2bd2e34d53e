package org.balintcompanion.zoom;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A registration Zoom holds for a meeting. The personal join URL lets whoever has it join as this person, so
 * {@link #toString()} leaves it out.
 *
 * @param lastName may be null
 * @param joinUrl  absent when the meeting needs manual approval
 */
public record ZoomRegistrant(String registrantId, String email, String firstName, String lastName,
                             Optional<URI> joinUrl) {

    public ZoomRegistrant {
        Objects.requireNonNull(registrantId, "registrantId");
        Objects.requireNonNull(joinUrl, "joinUrl");
    }

    @Override
    public String toString() {
        return "ZoomRegistrant[registrantId=" + registrantId + ", email=" + email + "]";
    }
}
