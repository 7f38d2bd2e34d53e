package org.balintcompanion.zoom;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Tuning and collaborators of {@link ZoomMeetingsClient}. Time, waiting, randomness and passcodes are injected so
 * tests are deterministic and never really sleep.
 *
 * @param rateLimits  client-side budget per rate category (default: Zoom's Pro figures)
 * @param retry       retries on 429, 5xx and I/O errors
 * @param callTimeout longest single HTTP exchange
 * @param clock       wall clock: token expiry and HTTP-date Retry-After values
 * @param sleeper     waits for backoff and the rate budget
 * @param jitter      randomness of the backoff
 * @param passcodes   makes a meeting passcode when the preset asks for one
 */
public record ZoomClientOptions(RateLimits rateLimits, RetryPolicy retry, Duration callTimeout, Clock clock,
                                Sleeper sleeper, RandomGenerator jitter, Supplier<String> passcodes) {

    public ZoomClientOptions {
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(passcodes, "passcodes");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive");
        }
    }

    public static ZoomClientOptions defaults() {
        return new ZoomClientOptions(RateLimits.PRO, RetryPolicy.DEFAULT, Duration.ofSeconds(30), Clock.systemUTC(),
                Sleeper.system(), new Random(), Passcodes.secureRandom());
    }

    public ZoomClientOptions withRateLimits(RateLimits value) {
        return new ZoomClientOptions(value, retry, callTimeout, clock, sleeper, jitter, passcodes);
    }

    public ZoomClientOptions withRetry(RetryPolicy value) {
        return new ZoomClientOptions(rateLimits, value, callTimeout, clock, sleeper, jitter, passcodes);
    }

    public ZoomClientOptions withCallTimeout(Duration value) {
        return new ZoomClientOptions(rateLimits, retry, value, clock, sleeper, jitter, passcodes);
    }

    public ZoomClientOptions withClock(Clock value) {
        return new ZoomClientOptions(rateLimits, retry, callTimeout, value, sleeper, jitter, passcodes);
    }

    public ZoomClientOptions withSleeper(Sleeper value) {
        return new ZoomClientOptions(rateLimits, retry, callTimeout, clock, value, jitter, passcodes);
    }

    public ZoomClientOptions withJitter(RandomGenerator value) {
        return new ZoomClientOptions(rateLimits, retry, callTimeout, clock, sleeper, value, passcodes);
    }

    public ZoomClientOptions withPasscodes(Supplier<String> value) {
        return new ZoomClientOptions(rateLimits, retry, callTimeout, clock, sleeper, jitter, value);
    }
}
