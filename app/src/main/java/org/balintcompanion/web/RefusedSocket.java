package org.balintcompanion.web;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a connection whose token cannot be used: one error frame saying why, then a terminal close code. A browser
 * cannot read an HTTP status from a refused upgrade, so the reason travels inside the socket instead.
 */
// Public only because Jetty binds listener methods through MethodHandles, which need an accessible class.
public final class RefusedSocket implements Session.Listener.AutoDemanding {
    private static final Logger log = LoggerFactory.getLogger(RefusedSocket.class);

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

    /**
     * A refused client hanging up before our close (a closed channel, a reset) is expected, and anyone without a
     * token can cause it: without this handler Jetty logs each one as a warning, so strangers could fill the log.
     */
    @Override public void onWebSocketError(Throwable cause) {
        log.debug("refused connection ended early ({}): {}", reason, cause.toString());
    }
}
