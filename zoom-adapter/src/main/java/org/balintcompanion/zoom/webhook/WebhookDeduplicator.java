package org.balintcompanion.zoom.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers deliveries so a retried webhook is handled once. Zoom retries for up to about 85 minutes; keys are kept
 * at least 24 hours, and at most {@code capacity} of them (the oldest go first), so memory stays bounded under a
 * flood. A delivery is a duplicate when its {@code x-zm-trackingid} or its content key was seen before.
 */
public final class WebhookDeduplicator {

    public static final Duration MINIMUM_WINDOW = Duration.ofHours(24);
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Clock clock;
    private final Duration window;
    private final int capacity;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public WebhookDeduplicator(Clock clock) {
        this(clock, MINIMUM_WINDOW, DEFAULT_CAPACITY);
    }

    public WebhookDeduplicator(Clock clock, Duration window, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        if (window.compareTo(MINIMUM_WINDOW) < 0) {
            throw new IllegalArgumentException("keep deliveries at least 24 hours, not " + window);
        }
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2");
        }
        this.capacity = capacity;
    }

    /**
     * True the first time a delivery is seen, and remembers it.
     *
     * @param trackingId Zoom's {@code x-zm-trackingid} header, or null
     * @param contentKey what the delivery is about, e.g. {@link ZoomPresenceEvent#contentKey()}
     */
    public synchronized boolean firstDelivery(String trackingId, String contentKey) {
        Objects.requireNonNull(contentKey, "contentKey");
        Instant now = clock.instant();
        forgetBefore(now.minus(window));
        String tracking = trackingId == null || trackingId.isBlank() ? null : "tracking:" + trackingId;
        String content = "content:" + contentKey;
        if (tracking != null && seen.containsKey(tracking) || seen.containsKey(content)) {
            return false;
        }
        if (tracking != null) {
            seen.put(tracking, now);
        }
        seen.put(content, now);
        while (seen.size() > capacity) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    synchronized int size() {
        return seen.size();
    }

    private void forgetBefore(Instant cutoff) {
        // Insertion order is arrival order, so the expired ones are at the head.
        for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (!it.next().getValue().isBefore(cutoff)) {
                return;
            }
            it.remove();
        }
    }
}
