package org.balintcompanion.zoom.webhook;

import java.util.Objects;

/**
 * What to do with a delivery, and what to answer Zoom. Zoom wants an answer within 3 seconds: reply first, then apply
 * a {@link Presence} off the request thread.
 */
public sealed interface WebhookOutcome {

    /** The HTTP status to answer with. */
    int httpStatus();

    /** The body to answer with (JSON), empty for none. */
    default String responseBody() {
        return "";
    }

    /** Forged or replayed: 401, nothing changes. */
    record Rejected(WebhookVerification.Reason reason) implements WebhookOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public int httpStatus() {
            return 401;
        }
    }

    /** Zoom checking the endpoint (when it is saved and every 72 hours): answer 200 with this body. */
    record UrlValidated(UrlValidation answer) implements WebhookOutcome {
        public UrlValidated {
            Objects.requireNonNull(answer, "answer");
        }

        @Override
        public int httpStatus() {
            return 200;
        }

        @Override
        public String responseBody() {
            return answer.toJson();
        }
    }

    /** A new presence event to apply (through {@link PresenceOrderGuard}). */
    record Presence(ZoomPresenceEvent event) implements WebhookOutcome {
        public Presence {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public int httpStatus() {
            return 200;
        }
    }

    /** Seen before: acknowledge so Zoom stops retrying, do nothing. */
    record Duplicate(String eventName) implements WebhookOutcome {
        @Override
        public int httpStatus() {
            return 200;
        }
    }

    /** Genuine, but not an event the companion uses (chat, recordings, ...): acknowledge, do nothing. */
    record Ignored(String eventName) implements WebhookOutcome {
        @Override
        public int httpStatus() {
            return 200;
        }
    }

    /** Genuine signature, unreadable body. */
    record Malformed(String problem) implements WebhookOutcome {
        @Override
        public int httpStatus() {
            return 400;
        }
    }
}
