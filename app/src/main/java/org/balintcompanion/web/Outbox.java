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
 * state replaces an older one still waiting, since each carries the whole room. Room frames arrive already encoded
 * and are written as they are, through Jetty's core session. When a client cannot keep up (too many frames waiting,
 * one send stuck too long, or pings left unanswered) it is closed with {@link CloseCodes#TOO_SLOW}: it reconnects and
 * starts again from a snapshot, and the other members never wait for it.
 */
final class Outbox {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

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
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private Item queuedState;
    /** System.nanoTime() when the send in flight began, 0 when none: read without the lock by the sweep. */
    private volatile long inFlightSince;
    private volatile long closingSince;

    Outbox(Session session, int maxFrames, Duration slowTimeout) {
        this.session = session;
        this.core = ((WebSocketSession) session).getCoreSession();
        this.maxFrames = maxFrames;
        this.slowNanos = slowTimeout.toNanos();
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
    void checkStalled() {
        long inFlight = inFlightSince;
        long closing = closingSince;
        if (inFlight == 0 && closing == 0) return;
        long now = System.nanoTime();
        if (closing != 0) {
            if (now - closing >= 2_000_000_000L) session.disconnect();
            return;
        }
        if (now - inFlight > slowNanos) {
            synchronized (this) {
                if (closingSince == 0) evict();
            }
        }
    }

    /** The client left pings unanswered: it is not reading, whatever the kernel still accepts for it. */
    void closeAsSlow() {
        synchronized (this) {
            if (closingSince == 0) evict();
        }
    }

    void close(int code, String reason) {
        synchronized (this) {
            if (closingSince != 0) return;
            closingSince = System.nanoTime();
            queue.clear();
            queuedState = null;
        }
        session.close(code, reason, Callback.NOOP);
    }

    /** Caller holds the lock. False when the client was evicted instead. */
    private boolean enqueue(Item item) {
        if (closingSince != 0) return false;
        long inFlight = inFlightSince;
        if (queue.size() >= maxFrames || (inFlight != 0 && System.nanoTime() - inFlight > slowNanos)) {
            evict();
            return false;
        }
        queue.add(item);
        return true;
    }

    /** Caller holds the lock. */
    private void evict() {
        closingSince = System.nanoTime();
        queue.clear();
        queuedState = null;
        session.close(CloseCodes.TOO_SLOW, "too slow: reconnect", Callback.NOOP);
    }

    private void flush() {
        Item next;
        synchronized (this) {
            if (inFlightSince != 0 || closingSince != 0 || queue.isEmpty()) return;
            next = queue.poll();
            if (next == queuedState) queuedState = null;
            inFlightSince = System.nanoTime();
        }
        if (next.kind == Kind.PING) {
            session.sendPing(EMPTY, Callback.from(this::sent, failure -> failed()));
        } else {
            core.sendFrame(new Frame(OpCode.TEXT).setPayload(ByteBuffer.wrap(next.utf8)),
                    org.eclipse.jetty.util.Callback.from(this::sent, failure -> failed()), false);
        }
    }

    private void sent() {
        inFlightSince = 0;
        flush();
    }

    private void failed() {
        synchronized (this) {
            inFlightSince = 0;
            if (closingSince == 0) closingSince = System.nanoTime();
            queue.clear();
            queuedState = null;
        }
    }
}
