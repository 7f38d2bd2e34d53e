package org.balintcompanion.live;

/**
 * WebSocket close codes the server uses (docs/protocol.md). 4000-4499: reconnect (with backoff) and resync from the
 * snapshot. 4500 and above: do not reconnect automatically, tell the person why.
 */
public final class CloseCodes {
    private CloseCodes() {}

    public static final int SERVER_RESTART = 4001;
    public static final int TOO_SLOW = 4008;
    public static final int TOO_MANY_REQUESTS = 4029;
    public static final int TOKEN_INVALID = 4501;
    public static final int TOKEN_EXPIRED = 4502;
    public static final int MEETING_ENDED = 4503;
    public static final int ROOM_UNKNOWN = 4504;
    public static final int OPENED_ELSEWHERE = 4509;
}
