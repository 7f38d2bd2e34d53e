package org.balintcompanion.zoom.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.balintcompanion.zoom.support.ManualClock;
import org.junit.jupiter.api.Test;

class WebhookDeduplicatorTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T09:00:00Z"));
    private final WebhookDeduplicator deduplicator = new WebhookDeduplicator(clock);

    @Test
    void aSecondDeliveryWithTheSameTrackingIdIsADuplicate() {
        assertTrue(deduplicator.firstDelivery("track-1", "joined|1"));
        assertFalse(deduplicator.firstDelivery("track-1", "joined|1"));
    }

    @Test
    void withoutTrackingIdTheContentDecides() {
        assertTrue(deduplicator.firstDelivery(null, "joined|1"));
        assertFalse(deduplicator.firstDelivery(null, "joined|1"));
        assertFalse(deduplicator.firstDelivery("track-new", "joined|1"), "a retry under a new tracking id");
        assertTrue(deduplicator.firstDelivery(null, "left|2"));
    }

    @Test
    void deliveriesAreRememberedForADay() {
        deduplicator.firstDelivery("track-1", "joined|1");

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertFalse(deduplicator.firstDelivery("track-1", "joined|1"));

        clock.advance(Duration.ofMinutes(2));
        assertTrue(deduplicator.firstDelivery("track-1", "joined|1"));
    }

    @Test
    void memoryIsBoundedByTheCapacity() {
        WebhookDeduplicator small = new WebhookDeduplicator(clock, Duration.ofHours(24), 4);

        for (int i = 0; i < 100; i++) {
            small.firstDelivery("track-" + i, "event|" + i);
            assertTrue(small.size() <= 4);
        }
        assertTrue(small.firstDelivery("track-0", "event|0"), "the oldest were forgotten first");
        assertFalse(small.firstDelivery("track-99", "event|99"));
    }

    @Test
    void aWindowShorterThanADayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookDeduplicator(clock, Duration.ofHours(2), 10));
    }
}
