package org.balintcompanion.web;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

import org.balintcompanion.live.CloseCodes;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One connection's outgoing frames with at most one send in flight (Jetty forbids overlapping sends). A newer room
 * state replaces an older one still waiting, since each carries the whole room. When a client cannot keep up (too
 * many frames waiting, or one send stuck too long) it is closed with {@link CloseCodes#TOO_SLOW}: it reconnects and
 * starts again from a snapshot, and the other members never wait for it.
 */
final class Outbox {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private enum Kind { STATE, FRAME, PING }

    private static final class Item {
        final Kind kind;
        String text;

        Item(Kind kind, String text) {
            this.kind = kind;
            this.text = text;
        }
    }

    private final Session session;
    private final Clock clock;
    private final int maxFrames;
    private final Duration slowTimeout;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private Item queuedState;
    private Instant inFlightSince;
    private Instant closingSince;

    Outbox(Session session, Clock clock, int maxFrames, Duration slowTimeout) {
        this.session = session;
        this.clock = clock;
        this.maxFrames = maxFrames;
        this.slowTimeout = slowTimeout;
    }

    void sendState(String frame) {
        synchronized (this) {
            if (queuedState != null) {
                queuedState.text = frame;
                return;
            }
            queuedState = new Item(Kind.STATE, frame);
            if (!enqueue(queuedState)) return;
        }
        flush();
    }

    void send(String frame) {
        synchronized (this) {
            if (!enqueue(new Item(Kind.FRAME, frame))) return;
        }
        flush();
    }

    void ping() {
        synchronized (this) {
            if (!enqueue(new Item(Kind.PING, null))) return;
        }
        flush();
    }

    /** Called by the keep-alive sweep: evicts a client whose send has been stuck, and drops one that ignores close. */
    void checkStalled() {
        boolean disconnect = false;
        synchronized (this) {
            Instant now = clock.instant();
            if (closingSince != null) {
                disconnect = Duration.between(closingSince, now).toSeconds() >= 2;
            } else if (inFlightSince != null && Duration.between(inFlightSince, now).compareTo(slowTimeout) > 0) {
                evict();
            }
        }
        if (disconnect) session.disconnect();
    }

    void close(int code, String reason) {
        synchronized (this) {
            if (closingSince != null) return;
            closingSince = clock.instant();
            queue.clear();
            queuedState = null;
        }
        session.close(code, reason, Callback.NOOP);
    }

    /** Caller holds the lock. False when the client was evicted instead. */
    private boolean enqueue(Item item) {
        if (closingSince != null) return false;
        if (queue.size() >= maxFrames
                || (inFlightSince != null && Duration.between(inFlightSince, clock.instant()).compareTo(slowTimeout) > 0)) {
            evict();
            return false;
        }
        queue.add(item);
        return true;
    }

    /** Caller holds the lock. */
    private void evict() {
        closingSince = clock.instant();
        queue.clear();
        queuedState = null;
        session.close(CloseCodes.TOO_SLOW, "too slow: reconnect", Callback.NOOP);
    }

    private void flush() {
        Item next;
        synchronized (this) {
            if (inFlightSince != null || closingSince != null || queue.isEmpty()) return;
            next = queue.poll();
            if (next == queuedState) queuedState = null;
            inFlightSince = clock.instant();
        }
        Callback done = Callback.from(this::sent, failure -> failed());
        switch (next.kind) {
            case PING -> session.sendPing(EMPTY, done);
            case STATE, FRAME -> session.sendText(next.text, done);
        }
    }

    private void sent() {
        synchronized (this) {
            inFlightSince = null;
        }
        flush();
    }

    private void failed() {
        synchronized (this) {
            inFlightSince = null;
            closingSince = closingSince == null ? clock.instant() : closingSince;
            queue.clear();
            queuedState = null;
        }
    }
}
