package org.balintcompanion.live;

/**
 * WebSocket close codes the server uses (docs/protocol.md). 4000-4499: reconnect (with backoff) and resync from the
 * snapshot. 4500 and above: do not reconnect automatically, tell the person why.
 */
public final class CloseCodes {
    private CloseCodes() {}

    public static final int SERVER_RESTART = 4001;
    public static final int TOO_SLOW = 4008;
    /** The person's role changed during the meeting: reconnect to get the new role's view. */
    public static final int ROLE_CHANGED = 4010;
    /** One of the person's links was revoked: a panel holding another valid link comes back, the revoked one cannot. */
    public static final int LINK_WITHDRAWN = 4011;
    public static final int TOO_MANY_REQUESTS = 4029;
    public static final int TOKEN_INVALID = 4501;
    public static final int TOKEN_EXPIRED = 4502;
    public static final int MEETING_ENDED = 4503;
    public static final int ROOM_UNKNOWN = 4504;
    /** Every link the person held for this meeting was revoked. */
    public static final int ACCESS_WITHDRAWN = 4505;
    /** The person was taken off the group's roster. */
    public static final int REMOVED_FROM_ROSTER = 4506;
    public static final int OPENED_ELSEWHERE = 4509;
}
