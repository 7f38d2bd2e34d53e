package org.balintcompanion.zoom.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps an older event from overwriting a newer one. Zoom retries deliveries for more than an hour, so a
 * "joined" can arrive after the same person's later "left", or after the meeting ended. Call {@link #admit} where
 * events are applied (the room's single writer), not where they are received: two requests handled in parallel
 * could otherwise be applied in the other order.
 */
public final class PresenceOrderGuard {

    public static final int DEFAULT_CAPACITY = 50_000;

    private final Map<String, Instant> latest;

    public PresenceOrderGuard() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity how many people and meetings to remember; the least recently seen are forgotten first */
    public PresenceOrderGuard(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2");
        }
        this.latest = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * True when nothing newer is known about this person (or meeting), in which case the event is remembered and
     * should be applied; false for an older event, which should be dropped. Events with equal timestamps are both
     * admitted. A participant event older than the meeting's end is dropped too.
     */
    public synchronized boolean admit(ZoomPresenceEvent event) {
        Objects.requireNonNull(event, "event");
        String meeting = "meeting:" + event.meeting().id();
        String ended = "ended:" + event.meeting().id();
        return switch (event) {
            case ZoomPresenceEvent.ParticipantEvent p -> {
                String person = "participant:" + event.meeting().id() + ":" + p.participant().identity();
                if (olderThan(ended, event.eventTs()) || olderThan(person, event.eventTs())) {
                    yield false;
                }
                latest.put(person, event.eventTs());
                yield true;
            }
            case ZoomPresenceEvent.MeetingStarted s -> record(meeting, event.eventTs());
            case ZoomPresenceEvent.MeetingEnded e -> {
                boolean current = record(meeting, event.eventTs());
                if (current) {
                    latest.put(ended, event.eventTs());
                }
                yield current;
            }
        };
    }

    private boolean record(String key, Instant at) {
        if (olderThan(key, at)) {
            return false;
        }
        latest.put(key, at);
        return true;
    }

    private boolean olderThan(String key, Instant at) {
        Instant known = latest.get(key);
        return known != null && at.isBefore(known);
    }
}
