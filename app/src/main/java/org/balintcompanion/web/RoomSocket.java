package org.balintcompanion.web;

import java.nio.ByteBuffer;

import org.balintcompanion.auth.Caller;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.live.Connection;
import org.balintcompanion.live.EncodedFrame;
import org.balintcompanion.live.LiveRoom;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Rejection;
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
    private final Ticker ticker;
    private int refusedInARow;
    private volatile Outbox outbox;
    private volatile long lastPing;
    private volatile long lastPong;

    RoomSocket(Caller caller, LiveRoom room, CommandParser parser, Frames frames, AppConfig.Limits limits,
               KeepAlive keepAlive) {
        this.caller = caller;
        this.room = room;
        this.parser = parser;
        this.frames = frames;
        this.limits = limits;
        this.keepAlive = keepAlive;
        this.ticker = keepAlive.ticker();
        this.rate = new CommandRate(limits.commandsPerSecond(), limits.commandBurst(), ticker.nanos());
    }

    @Override public MemberId member() { return caller.member(); }

    @Override public Role role() { return caller.role(); }

    @Override public void onWebSocketOpen(Session session) {
        outbox = new Outbox(session, limits.outboxFrames(), limits.slowConsumerTimeout(), ticker);
        lastPing = lastPong = ticker.nanos();
        keepAlive.add(this);
        room.join(this);
    }

    @Override public void onWebSocketText(String message) {
        // Parsed even past the rate limit: the refusal must carry the command's id, one answer per id.
        Inbound in = parser.parse(message);
        if (!rate.tryTake(ticker.nanos())) {
            rateLimited(in.id());
            return;
        }
        switch (in) {
            case Inbound.RoomCommand c -> {
                refusedInARow = 0;
                room.submit(this, c);
            }
            case Inbound.Sync s -> room.resync(this);
            case Inbound.Ping p -> send(frames.pong(p.id()));
            case Inbound.Backchannel b -> {
                if (caller.role().leads()) room.backchannel(this, b.id(), b.text());
                else send(frames.error(b.id(), Rejection.NOT_A_LEADER));
            }
            case Inbound.Invalid bad -> {
                refused();
                send(frames.error(bad.id(), bad.code(), bad.message()));
            }
        }
    }

    /** Refused like a broken text frame, and counted against the same rate and flood limits. */
    @Override public void onWebSocketBinary(ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
        callback.succeed();
        if (!rate.tryTake(ticker.nanos())) {
            rateLimited(null);
            return;
        }
        refused();
        send(frames.error(null, "bad_json", "Binary frames are not used: send JSON text."));
    }

    /** One answer for the dropped frame, with its id when it had one, so the client can settle that command. */
    private void rateLimited(String id) {
        refused();
        send(frames.error(id, "rate_limited", "Too many messages: at most " + limits.commandsPerSecond()
                + " a second. This one was not applied."));
    }

    @Override public void onWebSocketClose(int statusCode, String reason) {
        keepAlive.remove(this);
        room.leave(this);
    }

    @Override public void onWebSocketError(Throwable cause) {
        // Oversized frames, resets and timeouts land here; Jetty closes the socket with the matching code.
        log.debug("socket error for a member of room {}: {}", caller.room(), cause.toString());
    }

    @Override public void sendState(EncodedFrame frame) {
        Outbox o = outbox;
        if (o != null) o.sendState(frame);
    }

    @Override public void sendSnapshot(String frame) {
        Outbox o = outbox;
        if (o != null) o.sendSnapshot(frame);
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
     * The keep-alive sweep: a panel that answered no ping for {@code silentFor} is not reading (its phone slept, or
     * the kernel still takes bytes for a dead link) and is closed as too slow, so it reconnects and resyncs;
     * otherwise it is pinged when one is due, and a stalled send is looked for.
     */
    void keepAlive(long now, long pingDue, long silentFor) {
        Outbox o = outbox;
        if (o == null) return;
        o.checkStalled(now);
        if (now - lastPong > silentFor) {
            o.closeAsSlow();
        } else if (now - lastPing >= pingDue) {
            lastPing = now;
            o.ping();
        }
    }

    @Override public void onWebSocketPong(ByteBuffer payload) { lastPong = ticker.nanos(); }

    private void refused() {
        if (++refusedInARow > FLOOD_LIMIT) close(CloseCodes.TOO_MANY_REQUESTS, "too many refused messages");
    }
}
