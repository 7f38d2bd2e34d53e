package org.balintcompanion.live;

import java.nio.charset.StandardCharsets;

/**
 * A room frame encoded to UTF-8 once, on the room's writer, and shared by every connection of its view: twelve
 * panels get the same bytes, not twelve encodings of the same text.
 */
public final class EncodedFrame {
    private final byte[] utf8;

    public EncodedFrame(String json) { this.utf8 = json.getBytes(StandardCharsets.UTF_8); }

    /** The bytes to send; shared, so callers wrap them and never write into them. */
    public byte[] utf8() { return utf8; }
}
