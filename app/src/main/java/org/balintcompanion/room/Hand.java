package org.balintcompanion.room;

import java.util.Objects;

/** A raised hand. {@code resumed}: an interrupted speaker put back at the head, whose next turn is not a new one. */
public record Hand(MemberId member, boolean resumed) {
    public Hand { Objects.requireNonNull(member, "member"); }
}
