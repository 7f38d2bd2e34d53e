package org.balintcompanion.support;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real WebSocket client speaking the room protocol, modelled on Jetty's EventSocket: every frame lands in a queue,
 * every wait is bounded. Frames are kept in arrival order so tests can check versions and ordering.
 */
public final class RoomClient implements Session.Listener.AutoDemanding, AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    /** Frames not yet taken by a test; a wait takes the first match and leaves the others in place. */
    private final List<JsonNode> inbox = new ArrayList<>();
    private final List<JsonNode> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Session session;
    private volatile int closeCode = -1;
    private volatile String closeReason;
    private volatile long snapshotVersion = -1;
    private final AtomicInteger pings = new AtomicInteger();

    public static RoomClient connect(WebSocketClient client, URI uri, String origin) throws Exception {
        var c = new RoomClient();
        var req = new ClientUpgradeRequest();
        if (origin != null) req.setHeader("Origin", origin);
        client.connect(c, uri, req).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return c;
    }

    /** Connects and reads the first snapshot. */
    public static RoomClient join(WebSocketClient client, URI uri) throws Exception {
        RoomClient c = connect(client, uri, TestServer.ORIGIN);
        c.snapshotVersion = c.next("snapshot").path("version").asLong();
        return c;
    }

    @Override public void onWebSocketOpen(Session s) {
        session = s;
        opened.countDown();
    }

    @Override public void onWebSocketText(String message) {
        try {
            JsonNode node = JSON.readTree(message);
            seen.add(node);
            offer(node);
        } catch (Exception e) {
            offer(JSON.createObjectNode().put("type", "unparseable").put("raw", message));
        }
    }

    /** Counting pings takes over Jetty's automatic pong, so the pong is sent here, as a browser would. */
    @Override public void onWebSocketPing(java.nio.ByteBuffer payload) {
        session.sendPong(payload, Callback.NOOP);
        synchronized (pings) {
            pings.incrementAndGet();
            pings.notifyAll();
        }
    }

    /** Waits until the server has pinged this panel {@code n} times in all. */
    public boolean awaitPings(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (pings) {
            while (pings.get() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(pings, left);
            }
            return true;
        }
    }

    /**
     * An application ping answered: the server has read everything this panel sent before it, including the pongs
     * to its WebSocket pings (one connection's frames are read in order).
     */
    public void roundTrip() throws InterruptedException {
        String id = "rt-" + IDS.incrementAndGet();
        sendWithId(id, "ping");
        nextMatching(f -> "pong".equals(f.path("type").asText()) && id.equals(f.path("id").asText()), "the pong to " + id);
    }

    public int pings() { return pings.get(); }

    /** A server that closes or resets the link is what many tests provoke: expected, not worth a warning. */
    @Override public void onWebSocketError(Throwable cause) {}

    @Override public void onWebSocketClose(int statusCode, String reason) {
        closeCode = statusCode;
        closeReason = reason;
        closed.countDown();
    }

    public void sendRaw(String text) {
        session.sendText(text, Callback.NOOP);
    }

    /** Sends a command and returns its id. */
    public String send(String type, Object... fieldsAndValues) {
        String id = "c" + IDS.incrementAndGet();
        sendWithId(id, type, fieldsAndValues);
        return id;
    }

    public void sendWithId(String id, String type, Object... fieldsAndValues) {
        ObjectNode msg = JSON.createObjectNode().put("type", type).put("id", id);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            msg.set((String) fieldsAndValues[i], JSON.valueToTree(fieldsAndValues[i + 1]));
        }
        sendRaw(msg.toString());
    }

    /** The next frame of this type, skipping others. */
    public JsonNode next(String type) throws InterruptedException {
        return nextMatching(f -> type.equals(f.path("type").asText()), "a '" + type + "' frame");
    }

    private synchronized void offer(JsonNode node) {
        inbox.add(node);
        notifyAll();
    }

    public JsonNode nextMatching(Predicate<JsonNode> match, String what) throws InterruptedException {
        return nextMatching(match, what, WAIT);
    }

    /** For what takes several server timer ticks (a close after unanswered pings, then the close handshake). */
    public synchronized JsonNode nextMatching(Predicate<JsonNode> match, String what, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            for (int i = 0; i < inbox.size(); i++) {
                if (match.test(inbox.get(i))) return inbox.remove(i);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) return fail("no " + what + " within " + wait + "; received " + summary());
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Types and versions of what arrived, short enough to read in a failure message. */
    private String summary() {
        var out = new ArrayList<String>();
        for (JsonNode f : seen()) {
            out.add(f.path("type").asText() + (f.has("version") ? "@" + f.path("version").asLong() : "")
                    + (f.has("code") ? ":" + f.path("code").asText() : ""));
        }
        return out.toString();
    }

    /** The ack or error answering this command id. */
    /**
     * For tests about what survives, not how fast: a loaded machine (a benchmark beside the suite) can hold an fsync for
     * seconds, and an ack waits for its fsync.
     */
    public static final Duration DURABLE_WAIT = Duration.ofSeconds(30);

    public JsonNode reply(String id, Duration wait) throws InterruptedException {
        return nextMatching(f -> id.equals(f.path("id").asText(null))
                && ("ack".equals(f.path("type").asText()) || "error".equals(f.path("type").asText())), "a reply to " + id, wait);
    }

    public JsonNode reply(String id) throws InterruptedException {
        return nextMatching(f -> id.equals(f.path("id").asText(null))
                && ("ack".equals(f.path("type").asText()) || "error".equals(f.path("type").asText())), "a reply to " + id);
    }

    public long ack(String id) throws InterruptedException {
        JsonNode r = reply(id);
        assertEquals("ack", r.path("type").asText(), () -> "expected an ack, got " + r);
        return r.path("version").asLong();
    }

    public String errorCode(String id) throws InterruptedException {
        JsonNode r = reply(id);
        assertEquals("error", r.path("type").asText(), () -> "expected an error, got " + r);
        return r.path("code").asText();
    }

    /** The first room state (snapshot or state frame) at or after this version. */
    public JsonNode stateAt(long version) throws InterruptedException {
        JsonNode f = nextMatching(n -> (n.path("type").asText().equals("state") || n.path("type").asText().equals("snapshot"))
                && n.path("version").asLong() >= version, "a room state at version " + version);
        return f;
    }

    /** Asks for a snapshot and returns it. */
    public JsonNode sync() throws InterruptedException {
        sendWithId("sync-" + IDS.incrementAndGet(), "sync");
        return next("snapshot");
    }

    public int awaitClose() throws InterruptedException {
        if (!closed.await(WAIT.toSeconds(), TimeUnit.SECONDS)) fail("socket not closed within " + WAIT + "; received " + summary());
        return closeCode;
    }

    public String closeReason() { return closeReason; }

    /** The version of the snapshot received on joining. */
    public long snapshotVersion() { return snapshotVersion; }

    public List<JsonNode> seen() { synchronized (seen) { return List.copyOf(seen); } }

    public synchronized void drain() { inbox.clear(); }

    public Session session() { return session; }

    public boolean isOpen() { Session s = session; return s != null && s.isOpen(); }

    @Override public void close() {
        Session s = session;
        if (s != null && s.isOpen()) s.close();
        assertNotNull(s);
    }

    /** A person's presence in a state frame, or "" for any other frame. */
    public static String presenceOf(JsonNode frame, String member) {
        if (!frame.path("type").asText().equals("state")) return "";
        for (JsonNode p : frame.path("room").path("people")) if (p.path("id").asText().equals(member)) return p.path("presence").asText();
        return "";
    }

    /** Everything the client saw as plain ids, e.g. {@code queue(room)}. */
    public static List<String> ids(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
