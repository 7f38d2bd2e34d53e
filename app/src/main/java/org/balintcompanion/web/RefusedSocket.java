package org.balintcompanion.web;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Answers a connection whose token cannot be used: one error frame saying why, then a terminal close code. A browser
 * cannot read an HTTP status from a refused upgrade, so the reason travels inside the socket instead.
 */
// Public only because Jetty binds listener methods through MethodHandles, which need an accessible class.
public final class RefusedSocket implements Session.Listener.AutoDemanding {
    private final String errorFrame;
    private final int closeCode;
    private final String reason;

    RefusedSocket(String errorFrame, int closeCode, String reason) {
        this.errorFrame = errorFrame;
        this.closeCode = closeCode;
        this.reason = reason;
    }

    @Override public void onWebSocketOpen(Session session) {
        session.sendText(errorFrame, Callback.from(() -> session.close(closeCode, reason, Callback.NOOP),
                failure -> session.disconnect()));
    }
}
