package org.balintcompanion.zoom;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that can go wrong when talking to Zoom, as a closed set the app can switch over. Messages are
 * written for an admin and never contain tokens, passcodes or start URLs.
 */
public abstract sealed class ZoomFailure extends RuntimeException {

    private ZoomFailure(String message) {
        super(message);
    }

    private ZoomFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** No Zoom account is configured. */
    public static final class NotConnected extends ZoomFailure {
        public NotConnected() {
            super("Zoom is not connected: set ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET.");
        }
    }

    /** Zoom refused the app's credentials or its token: wrong secret, deactivated app, or missing scopes. */
    public static final class AuthFailed extends ZoomFailure {
        public AuthFailed(String detail) {
            super("Zoom did not accept the Server-to-Server OAuth app: " + detail);
        }
    }

    /** The meeting, user or registrant does not exist at Zoom. */
    public static final class NotFound extends ZoomFailure {
        private final Optional<Integer> zoomCode;

        public NotFound(String operation, Optional<Integer> zoomCode, String zoomMessage) {
            super("Zoom could not " + operation + ": not found" + details(zoomCode, zoomMessage, List.of()));
            this.zoomCode = Objects.requireNonNull(zoomCode);
        }

        public Optional<Integer> zoomCode() {
            return zoomCode;
        }
    }

    /** Zoom refused the request (bad input, plan or permission); retrying the same request will not help. */
    public static final class Refused extends ZoomFailure {
        private final int httpStatus;
        private final Optional<Integer> zoomCode;
        private final List<String> fieldErrors;

        public Refused(String operation, int httpStatus, Optional<Integer> zoomCode, String zoomMessage,
                       List<String> fieldErrors) {
            super("Zoom refused to " + operation + " (HTTP " + httpStatus + ")"
                    + details(zoomCode, zoomMessage, fieldErrors));
            this.httpStatus = httpStatus;
            this.zoomCode = Objects.requireNonNull(zoomCode);
            this.fieldErrors = List.copyOf(fieldErrors);
        }

        public int httpStatus() {
            return httpStatus;
        }

        public Optional<Integer> zoomCode() {
            return zoomCode;
        }

        public List<String> fieldErrors() {
            return fieldErrors;
        }
    }

    /** Zoom kept answering 429 beyond the retry budget, or asked for a longer wait than the adapter will hold. */
    public static final class RateLimited extends ZoomFailure {
        private final Optional<Duration> retryAfter;

        public RateLimited(String operation, Optional<Duration> retryAfter) {
            super("Zoom is limiting this account's requests, so it could not " + operation
                    + retryAfter.map(d -> "; try again in " + human(d) + ".").orElse("; try again in a minute."));
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    /** The host's daily limit of meeting creates and updates (100 per day) is used up. */
    public static final class DailyLimitReached extends ZoomFailure {
        private final Instant resetsAt;

        public DailyLimitReached(String operation, Instant resetsAt) {
            super("Zoom's daily limit of meeting creates and updates for this host is used up, so it could not "
                    + operation + "; it resets at " + resetsAt + ".");
            this.resetsAt = Objects.requireNonNull(resetsAt);
        }

        public Instant resetsAt() {
            return resetsAt;
        }
    }

    /** Zoom failed (5xx) or could not be reached, on every attempt. Nothing was changed, or the call was a read. */
    public static final class Unavailable extends ZoomFailure {
        public Unavailable(String operation, String lastProblem) {
            super("Zoom is unavailable, so it could not " + operation + " (" + lastProblem + ").");
        }
    }

    /**
     * A request that is not safe to repeat (creating a meeting, registering someone) failed after it was sent: it
     * may or may not have taken effect, and the adapter did not retry it blindly.
     */
    public static final class OutcomeUnknown extends ZoomFailure {
        public OutcomeUnknown(String operation, String problem) {
            super("Zoom's answer was lost while trying to " + operation + " (" + problem
                    + "); it may have happened. Check in Zoom before trying again.");
        }
    }

    private static String details(Optional<Integer> zoomCode, String zoomMessage, List<String> fieldErrors) {
        StringBuilder text = new StringBuilder();
        if (zoomMessage != null && !zoomMessage.isBlank()) {
            text.append(": ").append(zoomMessage.strip());
        }
        zoomCode.ifPresent(code -> text.append(" (Zoom code ").append(code).append(')'));
        if (!fieldErrors.isEmpty()) {
            text.append("; ").append(String.join("; ", fieldErrors));
        }
        return text.append('.').toString().replace("..", ".");
    }

    private static String human(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        if (seconds < 120) {
            return seconds + " seconds";
        }
        if (seconds < 2 * 3600) {
            return (seconds + 59) / 60 + " minutes";
        }
        return (seconds + 3599) / 3600 + " hours";
    }
}
