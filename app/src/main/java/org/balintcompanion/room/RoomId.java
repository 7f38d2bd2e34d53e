package org.balintcompanion.room;

import java.util.regex.Pattern;

/** The id of one live room: one meeting of one group. */
public record RoomId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public RoomId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a room id is 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    public static RoomId of(String value) { return new RoomId(value); }

    public static boolean isValid(String value) { return value != null && SHAPE.matcher(value).matches(); }

    @Override public String toString() { return value; }
}
