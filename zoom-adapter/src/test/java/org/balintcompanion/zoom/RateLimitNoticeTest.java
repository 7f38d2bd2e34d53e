package org.balintcompanion.zoom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RateLimitNoticeTest {

    private static final Instant NOW = Instant.parse("2030-01-06T09:00:00Z");

    @Test
    void retryAfterIsReadInAllThreeForms() {
        assertEquals(Optional.of(NOW.plusSeconds(120)), RateLimitNotice.retryAt("120", NOW));
        assertEquals(Optional.of(Instant.parse("2030-01-06T09:00:30Z")),
                RateLimitNotice.retryAt("Sun, 06 Jan 2030 09:00:30 GMT", NOW));
        assertEquals(Optional.of(Instant.parse("2030-01-07T00:00:00Z")),
                RateLimitNotice.retryAt("2030-01-07T00:00:00Z", NOW));
        assertEquals(Optional.empty(), RateLimitNotice.retryAt("soon", NOW));
        assertEquals(Optional.empty(), RateLimitNotice.retryAt(null, NOW));
    }

    @Test
    void aRetryAfterInThePastMeansRetryNow() {
        RateLimitNotice notice = RateLimitNotice.from(Headers.of("Retry-After", "2030-01-06T08:00:00Z"), "", NOW);

        assertEquals(Optional.of(Duration.ZERO), notice.retryAfter());
    }

    @Test
    void theRateLimitTypeTellsDailyFromPerSecond() {
        RateLimitNotice qps = RateLimitNotice.from(Headers.of("X-RateLimit-Type", "QPS",
                "X-RateLimit-Category", "Light"), "", NOW);
        RateLimitNotice daily = RateLimitNotice.from(Headers.of("X-RateLimit-Type", "Daily-limit"), "", NOW);

        assertFalse(qps.daily());
        assertEquals("Light", qps.category());
        assertTrue(daily.daily());
        assertEquals(Instant.parse("2030-01-07T00:00:00Z"), daily.resetsAt());
    }
}
