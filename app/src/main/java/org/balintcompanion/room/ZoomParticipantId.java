package org.balintcompanion.room;

import java.util.regex.Pattern;

/**
 * Zoom's id for one participant of one meeting ({@code participantUUID} in the Zoom Apps SDK). Zoom does not publish
 * its shape: this accepts what an opaque id can hold and nothing a page or a log could misread.
 */
public record ZoomParticipantId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9+/=._-]{1,128}");

    public ZoomParticipantId {
        if (!isValid(value)) throw new IllegalArgumentException("a Zoom participant id is 1 to 128 letters, digits or + / = . _ -");
    }

    public static ZoomParticipantId of(String value) { return new ZoomParticipantId(value); }

    public static boolean isValid(String value) { return value != null && SHAPE.matcher(value).matches(); }

    @Override public String toString() { return value; }
}
