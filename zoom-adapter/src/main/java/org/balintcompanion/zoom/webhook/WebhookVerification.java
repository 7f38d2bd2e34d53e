package org.balintcompanion.zoom.webhook;

import java.time.Instant;
import java.util.Objects;

/** The verdict on a webhook's signature and timestamp. */
public sealed interface WebhookVerification {

    /** Signed with our secret token, and fresh. */
    record Verified(Instant signedAt) implements WebhookVerification {
        public Verified {
            Objects.requireNonNull(signedAt, "signedAt");
        }
    }

    /** Not from Zoom, or replayed: answer 401 and change nothing. */
    record Rejected(Reason reason) implements WebhookVerification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    enum Reason {
        MISSING_SIGNATURE("no x-zm-signature header"),
        MISSING_TIMESTAMP("no x-zm-request-timestamp header"),
        MALFORMED_TIMESTAMP("x-zm-request-timestamp is not a number of seconds"),
        SIGNATURE_MISMATCH("x-zm-signature does not match the body and the secret token"),
        STALE_TIMESTAMP("x-zm-request-timestamp is more than 5 minutes away from our clock");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
