package org.balintcompanion.live;

import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Role;
import org.balintcompanion.wire.Frames;

/** One open panel, as the room sees it. Sends never block: the socket adapter queues and may evict a slow client. */
public interface Connection {
    MemberId member();

    Role role();

    default Frames.View view() { return role().leads() ? Frames.View.LEADER : Frames.View.MEMBER; }

    /** A full room view; a newer one may replace an older one not yet sent (each carries the whole state). */
    void sendState(EncodedFrame frame);

    /**
     * The whole room for this connection: it supersedes any state not yet sent, and states after it are sent after
     * it, so the client never goes back from a newer state to an older snapshot.
     */
    void sendSnapshot(String frame);

    /** A reply or private frame: never dropped, sent in order. */
    void send(String frame);

    void close(int code, String reason);
}
