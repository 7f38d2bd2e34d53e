package org.balintcompanion.room;

import java.time.Instant;
import java.util.Objects;

/**
 * Who has the floor and since when. {@code counted} is false while a go-round or a telling holds the floor: a turn is
 * only counted once the person actually speaks in a round (passing is never counted).
 */
public record Floor(MemberId member, Instant since, boolean counted) {
    public Floor {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(since, "since");
    }

    public boolean heldBy(MemberId m) { return member.equals(m); }
}
