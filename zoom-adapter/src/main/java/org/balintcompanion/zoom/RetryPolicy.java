package org.balintcompanion.zoom;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How hard the adapter tries before giving up.
 *
 * @param maxAttempts       attempts per operation, the first one included
 * @param baseDelay         first backoff ceiling when Zoom gives no Retry-After
 * @param maxDelay          largest backoff ceiling
 * @param longestRetryAfter a Retry-After longer than this is not waited for: the caller gets
 *                          {@link ZoomFailure.RateLimited} at once instead of a request hanging for minutes
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration longestRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(60));

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(longestRetryAfter, "longestRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || longestRetryAfter.isNegative()) {
            throw new IllegalArgumentException("delays must be positive and maxDelay >= baseDelay");
        }
    }

    /**
     * "Full jitter": a random wait between zero and an exponential ceiling, so clients that failed together do
     * not retry together.
     */
    Duration backoff(int failedAttempts, RandomGenerator random) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << doublings);
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }
}
