package org.balintcompanion.zoom;

import java.util.Objects;

/**
 * One call to Zoom as the retry logic sees it.
 *
 * @param description a verb phrase for messages ("create the meeting"), never containing secrets
 * @param idempotent  repeating it after an ambiguous failure cannot do anything twice
 */
record Operation(String description, RateCategory category, boolean idempotent) {

    Operation {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
    }

    static Operation read(String description, RateCategory category) {
        return new Operation(description, category, true);
    }

    /** PATCH, PUT and DELETE: the same request twice leaves Zoom as once. */
    static Operation idempotentWrite(String description, RateCategory category) {
        return new Operation(description, category, true);
    }

    /** POST: a second try could create a second meeting or registration. */
    static Operation unsafeWrite(String description, RateCategory category) {
        return new Operation(description, category, false);
    }
}
