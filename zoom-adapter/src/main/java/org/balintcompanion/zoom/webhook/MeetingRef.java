package org.balintcompanion.zoom.webhook;

import java.util.Objects;

/**
 * The meeting a webhook is about.
 *
 * @param id   Zoom's meeting id, as used in REST paths
 * @param uuid this instance of the meeting (a recurring meeting gets a new one each time); may be empty
 */
public record MeetingRef(long id, String uuid) {

    public MeetingRef {
        Objects.requireNonNull(uuid, "uuid");
    }
}
