package org.balintcompanion.bench;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * One panel of one person. Reads with explicit demand, so the slow-consumer scenario can stop reading (the kernel
 * buffers fill and the server sees a consumer that does not keep up). Frames are read with {@link Scan}.
 */
// Public because Jetty binds listener methods through MethodHandles.
public final class Client implements Session.Listener {
    interface Events {
        void closed(Client c, int code);
    }

    final RoomTrack room;
    final int index;
    final String member;
    final boolean leader;
    final URI uri;
    final boolean attacker;
    final Events events;
    volatile WebSocketClient ws;

    volatile Session session;
    volatile boolean reading = true;
    /** Part of its room's "last member" set. */
    volatile boolean counted = true;
    /** Highest room version this panel holds; written only on its delivery thread. */
    volatile long highest = -1;
    volatile String epoch;
    volatile int snapshots;
    volatile long lastSnapshotNanos;
    volatile int lastCloseCode = -1;
    volatile long lastCloseNanos;
    volatile long stateFrames;
    volatile long stateBytes;
    volatile long youFrames;
    volatile long errorFrames;
    volatile long staleFrames;
    volatile int reconnectAttempt;
    volatile CompletableFuture<Client> joined = new CompletableFuture<>();
    final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    /** Errors received by an attacker (flood scenario). */
    final java.util.concurrent.atomic.LongAdder attackErrors = new java.util.concurrent.atomic.LongAdder();

    Client(RoomTrack room, int index, String member, boolean leader, URI uri, boolean attacker, Events events) {
        this.room = room;
        this.index = index;
        this.member = member;
        this.leader = leader;
        this.uri = uri;
        this.attacker = attacker;
        this.events = events;
    }

    CompletableFuture<Client> connect(WebSocketClient client) {
        this.ws = client;
        joined = new CompletableFuture<>();
        try {
            client.connect(this, uri).whenComplete((s, failure) -> {
                if (failure != null) joined.completeExceptionally(failure);
            });
        } catch (Exception e) {
            joined.completeExceptionally(e);
        }
        return joined;
    }

    String nextId() { return "c" + seq.incrementAndGet(); }

    /** Kill scenario: after a reconnect, send again every command not yet answered, in order, before anything new. */
    volatile boolean retryPendingOnSnapshot;
    /** Set while disconnected in the kill scenario: new commands wait until the old ones were sent again. */
    volatile boolean awaitingResync;
    volatile long retried;
    /** Kill scenario: keep the text of the next snapshot (the leader's, to compare the room with the model). */
    volatile boolean captureSnapshot;
    volatile String capturedSnapshot;
    /** Kill scenario: what this panel sent and received, to explain a room that differs from the model. */
    volatile boolean keepHistory;
    final java.util.concurrent.ConcurrentLinkedDeque<String> history = new java.util.concurrent.ConcurrentLinkedDeque<>();

    void note(String event) {
        if (!keepHistory) return;
        history.add(String.format("%.3f %s", (System.nanoTime() - LoadGenerator.T0) / 1e9, event));
        while (history.size() > 300) history.pollFirst();
    }


    /** Sends a command; false if this panel is not connected. */
    boolean send(String id, String json, Pending p) {
        Session s = session;
        if (s == null || !s.isOpen() || awaitingResync) return false;
        if (p != null) pending.put(id, p);
        note("send " + json);
        s.sendText(json, Callback.NOOP);
        return true;
    }

    boolean sendRaw(String text) {
        Session s = session;
        if (s == null || !s.isOpen()) return false;
        s.sendText(text, Callback.NOOP);
        return true;
    }

    boolean sendBinary(ByteBuffer b) {
        Session s = session;
        if (s == null || !s.isOpen()) return false;
        s.sendBinary(b, Callback.NOOP);
        return true;
    }

    void stopReading() { reading = false; }

    void resumeReading() {
        reading = true;
        Session s = session;
        if (s != null) s.demand();
    }

    /** Drops the connection without a close handshake, as a lost network would. */
    void drop() {
        Session s = session;
        if (s != null) s.disconnect();
    }

    @Override public void onWebSocketOpen(Session s) {
        session = s;
        s.demand();
    }

    @Override public void onWebSocketText(String f) {
        long now = System.nanoTime();
        try {
            handle(f, now);
        } finally {
            Session s = session;
            if (reading && s != null) s.demand();
        }
    }

    private void handle(String f, long now) {
        String type = Scan.type(f);
        if (type == null) {
            errorFrames++;
            return;
        }
        switch (type) {
            case "state" -> {
                stateFrames++;
                stateBytes += f.length();
                room.delivered(this, Scan.version(f), now, false);
            }
            case "snapshot" -> {
                epoch = Scan.stringField(f, "\"epoch\":\"");
                room.delivered(this, Scan.version(f), now, true);
                snapshots++;
                lastSnapshotNanos = now;
                reconnectAttempt = 0;
                if (captureSnapshot) {
                    capturedSnapshot = f;
                    captureSnapshot = false;
                }
                if (retryPendingOnSnapshot) {
                    Session s = session;
                    var again = new java.util.ArrayList<>(pending.values());
                    again.sort(java.util.Comparator.comparingLong(Pending::seq));
                    note("snapshot v" + Scan.version(f) + " epoch " + epoch + ", sending again " + again.size());
                    for (Pending p : again) {
                        note("again " + p.json());
                        if (s != null) s.sendText(p.json(), Callback.NOOP);
                        retried++;
                    }
                    awaitingResync = false;
                }
                joined.complete(this);
            }
            case "ack" -> {
                String ackId = Scan.stringField(f, "\"id\":\"");
                Pending p = pending.remove(ackId);
                note("ack " + ackId + " v" + Scan.version(f) + (p == null ? " (not pending)" : ""));
                if (p != null) room.acked(this, p, Scan.version(f), now);
            }
            case "error" -> {
                errorFrames++;
                String code = Scan.stringField(f, "\"code\":\"");
                if (attacker) {
                    attackErrors.increment();
                    room.attackError(code);
                    return;
                }
                String id = Scan.stringField(f, "\"id\":\"");
                Pending p = id == null ? null : pending.remove(id);
                note("error " + id + " " + code);
                if (p != null) p.phase().error(code);
                else room.unsolicitedError(code);
            }
            case "you" -> youFrames++;
            default -> { }
        }
    }

    @Override public void onWebSocketPing(ByteBuffer payload) {
        Session s = session;
        if (s == null) return;
        s.sendPong(payload, Callback.NOOP);
        if (reading) s.demand();
    }

    @Override public void onWebSocketPong(ByteBuffer payload) {
        Session s = session;
        if (reading && s != null) s.demand();
    }

    @Override public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        Session s = session;
        if (reading && s != null) s.demand();
    }

    @Override public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        session = null;
        note("closed " + statusCode);
        if (retryPendingOnSnapshot) awaitingResync = true;
        lastCloseCode = statusCode;
        lastCloseNanos = System.nanoTime();
        joined.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        events.closed(this, statusCode);
    }

    @Override public void onWebSocketError(Throwable cause) {
        // The close that follows carries the code; connect failures complete the connect future.
    }
}
