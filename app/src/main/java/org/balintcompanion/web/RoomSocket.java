package org.balintcompanion.web;


import org.balintcompanion.auth.Caller;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.live.Connection;
import org.balintcompanion.live.LiveRoom;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Role;
import org.balintcompanion.wire.CommandParser;
import org.balintcompanion.wire.Frames;
import org.balintcompanion.wire.Inbound;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket of one panel: parses frames, enforces the rate limit, hands commands to the room and writes replies.
 * It holds no rules; who may do what is decided by the room from the verified caller.
 */
// Public only because Jetty binds listener methods through MethodHandles, which need an accessible class.
public final class RoomSocket implements Session.Listener.AutoDemanding, Connection {
    private static final Logger log = LoggerFactory.getLogger(RoomSocket.class);
    /** Past this many refused frames in a row the client is flooding, not retrying: close it. */
    private static final int FLOOD_LIMIT = 200;

    private final Caller caller;
    private final LiveRoom room;
    private final CommandParser parser;
    private final Frames frames;
    private final AppConfig.Limits limits;
    private final KeepAlive keepAlive;
    private final CommandRate rate;
    private int refusedInARow;
    private volatile Outbox outbox;
    private volatile long lastPong;

    RoomSocket(Caller caller, LiveRoom room, CommandParser parser, Frames frames, AppConfig.Limits limits,
               KeepAlive keepAlive) {
        this.caller = caller;
        this.room = room;
        this.parser = parser;
        this.frames = frames;
        this.limits = limits;
        this.keepAlive = keepAlive;
        this.rate = new CommandRate(limits.commandsPerSecond(), limits.commandBurst(), System.nanoTime());
    }

    @Override public MemberId member() { return caller.member(); }

    @Override public Role role() { return caller.role(); }

    @Override public void onWebSocketOpen(Session session) {
        outbox = new Outbox(session, limits.outboxFrames(), limits.slowConsumerTimeout());
        lastPong = System.nanoTime();
        keepAlive.add(this);
        room.join(this);
    }

    @Override public void onWebSocketText(String message) {
        if (!rate.tryTake(System.nanoTime())) {
            refused();
            send(frames.error(null, "rate_limited", "Too many messages: at most " + limits.commandsPerSecond()
                    + " a second. This one was not applied."));
            return;
        }
        switch (parser.parse(message)) {
            case Inbound.RoomCommand c -> {
                refusedInARow = 0;
                room.submit(this, c);
            }
            case Inbound.Sync s -> room.resync(this);
            case Inbound.Ping p -> send(frames.pong(p.id()));
            case Inbound.Backchannel b -> {
                if (caller.role().leads()) room.backchannel(this, b.id(), b.text());
                else send(frames.error(b.id(), org.balintcompanion.room.Rejection.NOT_A_LEADER));
            }
            case Inbound.Invalid bad -> {
                refused();
                send(frames.error(bad.id(), bad.code(), bad.message()));
            }
        }
    }

    @Override public void onWebSocketBinary(java.nio.ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
        callback.succeed();
        send(frames.error(null, "bad_json", "Binary frames are not used: send JSON text."));
    }

    @Override public void onWebSocketClose(int statusCode, String reason) {
        keepAlive.remove(this);
        room.leave(this);
    }

    @Override public void onWebSocketError(Throwable cause) {
        // Oversized frames, resets and timeouts land here; Jetty closes the socket with the matching code.
        log.debug("socket error for a member of room {}: {}", caller.room(), cause.toString());
    }

    @Override public void sendState(org.balintcompanion.live.EncodedFrame frame) {
        Outbox o = outbox;
        if (o != null) o.sendState(frame);
    }

    @Override public void send(String frame) {
        Outbox o = outbox;
        if (o != null) o.send(frame);
    }

    @Override public void close(int code, String reason) {
        Outbox o = outbox;
        if (o != null) o.close(code, reason);
    }

    /**
     * Sends a ping; a panel that left the last two unanswered is not reading (the kernel may still be taking bytes
     * for it) and is closed as too slow, so it reconnects and resyncs.
     */
    void ping(long intervalNanos) {
        Outbox o = outbox;
        if (o == null) return;
        if (System.nanoTime() - lastPong > 2 * intervalNanos + intervalNanos / 2) {
            o.closeAsSlow();
            return;
        }
        o.ping();
    }

    @Override public void onWebSocketPong(java.nio.ByteBuffer payload) { lastPong = System.nanoTime(); }

    void checkStalled() {
        Outbox o = outbox;
        if (o != null) o.checkStalled();
    }

    private void refused() {
        if (++refusedInARow > FLOOD_LIMIT) close(CloseCodes.TOO_MANY_REQUESTS, "too many refused messages");
    }
}
