package org.balintcompanion.room;

import java.util.regex.Pattern;

/** A person's id within one room, as named in their join token. */
public record MemberId(String value) implements Comparable<MemberId> {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public MemberId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a member id is 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    public static MemberId of(String value) { return new MemberId(value); }

    public static boolean isValid(String value) { return value != null && SHAPE.matcher(value).matches(); }

    @Override public int compareTo(MemberId other) { return value.compareTo(other.value); }

    @Override public String toString() { return value; }
}
