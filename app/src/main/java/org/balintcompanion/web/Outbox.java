package org.balintcompanion.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;

import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.live.EncodedFrame;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One connection's outgoing frames with at most one send in flight (Jetty forbids overlapping sends). A newer room
 * state replaces an older one still waiting, since each carries the whole room; a snapshot drops a waiting state
 * (it holds everything the state did, and more), and states after it wait behind it, so a client never receives an
 * older snapshot after a newer state. Room frames arrive already encoded and are written as they are, through
 * Jetty's core session. When a client cannot keep up (too many frames waiting, one send stuck too long, or pings left
 * unanswered) it is closed with {@link CloseCodes#TOO_SLOW}: it reconnects and starts again from a snapshot, and the
 * other members never wait for it.
 */
final class Outbox {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /**
     * A client that does not answer our close within this long is cut off: at the first keep-alive sweep 1.5 s after
     * the close.
     */
    private static final long CLOSE_WAIT_NANOS = Duration.ofMillis(1500).toNanos();
    /** "No send in flight" / "not closing": any real ticker reading differs from it. */
    private static final long NEVER = Long.MIN_VALUE;

    private enum Kind { STATE, FRAME, PING }

    private static final class Item {
        final Kind kind;
        byte[] utf8;

        Item(Kind kind, byte[] utf8) {
            this.kind = kind;
            this.utf8 = utf8;
        }
    }

    private final Session session;
    private final CoreSession core;
    private final int maxFrames;
    private final long slowNanos;
    private final Ticker ticker;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    /** The waiting state a newer one replaces in place; null when none waits or a snapshot came after it. */
    private Item queuedState;
    /** When the send in flight began, {@link #NEVER} when none: read without the lock by the sweep. */
    private volatile long inFlightSince = NEVER;
    private volatile long closingSince = NEVER;

    Outbox(Session session, int maxFrames, Duration slowTimeout, Ticker ticker) {
        this.session = session;
        this.core = ((WebSocketSession) session).getCoreSession();
        this.maxFrames = maxFrames;
        this.slowNanos = slowTimeout.toNanos();
        this.ticker = ticker;
    }

    void sendState(EncodedFrame frame) {
        synchronized (this) {
            if (queuedState != null) {
                queuedState.utf8 = frame.utf8();
                return;
            }
            queuedState = new Item(Kind.STATE, frame.utf8());
            if (!enqueue(queuedState)) return;
        }
        flush();
    }

    /** The whole room: a state still waiting is older than this, so it goes; later states queue behind it. */
    void sendSnapshot(String frame) {
        synchronized (this) {
            if (queuedState != null) {
                queue.remove(queuedState);
                queuedState = null;
            }
            if (!enqueue(new Item(Kind.FRAME, frame.getBytes(StandardCharsets.UTF_8)))) return;
        }
        flush();
    }

    void send(String frame) {
        synchronized (this) {
            if (!enqueue(new Item(Kind.FRAME, frame.getBytes(StandardCharsets.UTF_8)))) return;
        }
        flush();
    }

    void ping() {
        synchronized (this) {
            if (!enqueue(new Item(Kind.PING, null))) return;
        }
        flush();
    }

    /** Called by the keep-alive sweep; cheap when nothing is in flight, which is almost always. */
    void checkStalled(long now) {
        long inFlight = inFlightSince;
        long closing = closingSince;
        if (closing != NEVER) {
            if (now - closing >= CLOSE_WAIT_NANOS) session.disconnect();
            return;
        }
        if (inFlight != NEVER && now - inFlight > slowNanos) closeAsSlow();
    }

    /** The client is not reading (stuck send, or pings unanswered), whatever the kernel still accepts for it. */
    void closeAsSlow() {
        synchronized (this) {
            if (closingSince == NEVER) evict();
        }
    }

    void close(int code, String reason) {
        synchronized (this) {
            if (closingSince != NEVER) return;
            closingSince = ticker.nanos();
            clear();
        }
        session.close(code, reason, Callback.NOOP);
    }

    /** Caller holds the lock. False when the client was evicted instead. */
    private boolean enqueue(Item item) {
        if (closingSince != NEVER) return false;
        long inFlight = inFlightSince;
        if (queue.size() >= maxFrames || (inFlight != NEVER && ticker.nanos() - inFlight > slowNanos)) {
            evict();
            return false;
        }
        queue.add(item);
        return true;
    }

    /** Caller holds the lock. */
    private void evict() {
        closingSince = ticker.nanos();
        clear();
        session.close(CloseCodes.TOO_SLOW, "too slow: reconnect", Callback.NOOP);
    }

    /** Caller holds the lock. */
    private void clear() {
        queue.clear();
        queuedState = null;
    }

    private void flush() {
        Item next;
        synchronized (this) {
            if (inFlightSince != NEVER || closingSince != NEVER || queue.isEmpty()) return;
            next = queue.poll();
            if (next == queuedState) queuedState = null;
            inFlightSince = ticker.nanos();
        }
        if (next.kind == Kind.PING) {
            session.sendPing(EMPTY, Callback.from(this::sent, failure -> failed()));
        } else {
            core.sendFrame(new Frame(OpCode.TEXT).setPayload(ByteBuffer.wrap(next.utf8)),
                    org.eclipse.jetty.util.Callback.from(this::sent, failure -> failed()), false);
        }
    }

    private void sent() {
        inFlightSince = NEVER;
        flush();
    }

    private void failed() {
        synchronized (this) {
            inFlightSince = NEVER;
            if (closingSince == NEVER) closingSince = ticker.nanos();
            clear();
        }
    }
}
