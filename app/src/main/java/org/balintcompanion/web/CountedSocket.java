package org.balintcompanion.web;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A room socket that gives its place under {@link SocketLimits} back when it ends, however it ends. */
// Public only because Jetty binds listener methods through MethodHandles, which need an accessible class.
public final class CountedSocket implements Session.Listener.AutoDemanding {
    private final RoomSocket socket;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    CountedSocket(RoomSocket socket, Runnable release) {
        this.socket = socket;
        this.release = release;
    }

    @Override public void onWebSocketOpen(Session session) { socket.onWebSocketOpen(session); }

    @Override public void onWebSocketText(String message) { socket.onWebSocketText(message); }

    @Override public void onWebSocketBinary(ByteBuffer payload, Callback callback) { socket.onWebSocketBinary(payload, callback); }

    @Override public void onWebSocketPong(ByteBuffer payload) { socket.onWebSocketPong(payload); }

    @Override public void onWebSocketClose(int statusCode, String reason) {
        try {
            socket.onWebSocketClose(statusCode, reason);
        } finally {
            releaseOnce();
        }
    }

    @Override public void onWebSocketError(Throwable cause) {
        try {
            socket.onWebSocketError(cause);
        } finally {
            releaseOnce();
        }
    }

    private void releaseOnce() {
        if (released.compareAndSet(false, true)) release.run();
    }
}
