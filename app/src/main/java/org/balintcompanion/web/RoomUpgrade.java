package org.balintcompanion.web;

import java.util.Set;

import org.balintcompanion.auth.Caller;
import org.balintcompanion.auth.RoomTokens;
import org.balintcompanion.auth.TokenRejected;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.live.LiveRoom;
import org.balintcompanion.live.RoomRegistry;
import org.balintcompanion.metrics.Metrics;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.wire.CommandParser;
import org.balintcompanion.wire.Frames;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Decides at the upgrade who is calling: the Origin must be on the exact allowlist (browsers let any site open a
 * socket to us, so this is the defence against cross-site hijacking), the caller must be within the connection
 * limits, and the token must be valid for this room. The token travels in {@code Sec-WebSocket-Protocol}
 * ({@code balint.v1, balint.token.<jwt>}), which proxies do not log; {@code ?token=} still works for one release.
 */
final class RoomUpgrade implements WebSocketCreator {
    static final String PATH_PREFIX = "/ws/rooms/";
    static final String PROTOCOL = "balint.v1";
    static final String TOKEN_PROTOCOL_PREFIX = "balint.token.";

    private final Set<String> allowedOrigins;
    private final RoomTokens tokens;
    private final RoomRegistry rooms;
    private final CommandParser parser;
    private final Frames frames;
    private final AppConfig.Limits limits;
    private final KeepAlive keepAlive;
    private final SocketLimits sockets;
    private final Metrics metrics;

    RoomUpgrade(Set<String> allowedOrigins, RoomTokens tokens, RoomRegistry rooms, CommandParser parser, Frames frames,
                AppConfig.Limits limits, KeepAlive keepAlive, SocketLimits sockets, Metrics metrics) {
        this.allowedOrigins = allowedOrigins;
        this.tokens = tokens;
        this.rooms = rooms;
        this.parser = parser;
        this.frames = frames;
        this.limits = limits;
        this.keepAlive = keepAlive;
        this.sockets = sockets;
        this.metrics = metrics;
    }

    @Override public Object createWebSocket(ServerUpgradeRequest req, ServerUpgradeResponse resp, Callback callback) {
        String origin = req.getHeaders().get(HttpHeader.ORIGIN);
        // No Origin means no browser (the load generator, a test client): browsers always send it on upgrades.
        if (origin != null && !allowedOrigins.contains(origin)) {
            refuseUpgrade(req, resp, callback, 403, "Origin not allowed",
                    "This page's origin may not open the room. Ask the administrator to add it to BALINT_ALLOWED_ORIGINS.");
            return null;
        }
        String client = Request.getRemoteAddr(req);
        if (!sockets.mayUpgrade(client)) {
            metrics.connectionRefused("upgrade_rate");
            refuseUpgrade(req, resp, callback, 429, "Too many connections",
                    "Too many room connections from this address in the last minute: wait a moment and try again.");
            return null;
        }
        // A browser that offered subprotocols fails the handshake unless one is accepted, even for a refusal.
        if (req.getSubProtocols().contains(PROTOCOL)) resp.setAcceptedSubProtocol(PROTOCOL);
        String path = req.getHttpURI().getPath();
        String roomPart = path.substring(PATH_PREFIX.length());
        if (!RoomId.isValid(roomPart)) {
            return refuse(CloseCodes.ROOM_UNKNOWN, "room_unknown", "There is no such room.");
        }
        Caller caller;
        try {
            caller = tokens.verify(token(req));
        } catch (TokenRejected e) {
            return e.expired() ? refuse(CloseCodes.TOKEN_EXPIRED, "token_expired", e.getMessage())
                    : refuse(CloseCodes.TOKEN_INVALID, "token_invalid", e.getMessage());
        }
        if (!caller.room().value().equals(roomPart)) {
            return refuse(CloseCodes.TOKEN_INVALID, "token_invalid", "This join link is for another room.");
        }
        LiveRoom room = rooms.find(caller.room());
        if (room == null) return refuse(CloseCodes.ROOM_UNKNOWN, "room_unknown", "This meeting's room is not open.");
        // A link carries the role it was issued for; the roster says what the person is now.
        Role now = room.rosterRole(caller.member());
        if (now != null && now != caller.role()) caller = new Caller(caller.room(), caller.member(), now);
        SocketLimits.Refusal over = sockets.admit(client);
        if (over != null) {
            metrics.connectionRefused(over.name().toLowerCase(java.util.Locale.ROOT));
            refuseUpgrade(req, resp, callback, 503, "Too many connections", over == SocketLimits.Refusal.TOTAL
                    ? "The server has all the room connections it can take: try again in a minute."
                    : "Too many room connections are open from this address.");
            return null;
        }
        return new CountedSocket(new RoomSocket(caller, room, parser, frames, limits, keepAlive), () -> sockets.release(client));
    }

    /** An upgrade refused with an HTTP answer, and its connection closed with it rather than kept for reuse. */
    private static void refuseUpgrade(ServerUpgradeRequest req, ServerUpgradeResponse resp, Callback callback, int status,
                                      String title, String detail) {
        resp.getHeaders().put(HttpHeader.CONNECTION, "close");
        Problems.write(req, resp, callback, status, title, detail, null);
    }

    /** From the subprotocol header when offered there, else from the query string (the older form). */
    private static String token(ServerUpgradeRequest req) {
        for (String offered : req.getSubProtocols()) {
            if (offered.startsWith(TOKEN_PROTOCOL_PREFIX)) return offered.substring(TOKEN_PROTOCOL_PREFIX.length());
        }
        return Request.extractQueryParameters(req).getValue("token");
    }

    private RefusedSocket refuse(int closeCode, String code, String message) {
        return new RefusedSocket(frames.error(null, code, message), closeCode, code);
    }
}
