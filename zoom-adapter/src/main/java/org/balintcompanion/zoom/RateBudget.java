package org.balintcompanion.zoom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A token bucket per rate category, so the adapter itself stays under Zoom's per-second limits instead of learning
 * them from 429s. A caller over budget reserves the next free slot and sleeps until then, outside any lock.
 */
final class RateBudget {

    private final Map<RateCategory, Bucket> buckets = new EnumMap<>(RateCategory.class);
    private final Sleeper sleeper;

    RateBudget(RateLimits limits, Clock clock, Sleeper sleeper) {
        this.sleeper = sleeper;
        for (RateCategory category : RateCategory.values()) {
            buckets.put(category, new Bucket(limits.perSecond(category), clock));
        }
    }

    void acquire(RateCategory category) throws InterruptedException {
        Duration wait = buckets.get(category).reserve();
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    /** Holds at most one second's worth of requests; may go negative, which is the queue of reserved slots. */
    private static final class Bucket {
        private final double perSecond;
        private final Clock clock;
        private double available;
        private Instant refilledAt;

        Bucket(int perSecond, Clock clock) {
            this.perSecond = perSecond;
            this.clock = clock;
            this.available = perSecond;
            this.refilledAt = clock.instant();
        }

        synchronized Duration reserve() {
            Instant now = clock.instant();
            if (now.isAfter(refilledAt)) {
                double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
                available = Math.min(perSecond, available + seconds * perSecond);
                refilledAt = now;
            }
            available -= 1;
            return available >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-available / perSecond * 1e9));
        }
    }
}
