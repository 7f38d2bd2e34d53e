package org.balintcompanion.web;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.support.TestServer;
import org.balintcompanion.wire.CommandParser;
import org.balintcompanion.wire.Frames;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A second front door onto a running test server's rooms: the same upgrade checks (origin, token, room) and the same
 * sockets, but their keep-alive, outbox and rate limit run on a {@link ManualTicker}, and nothing sweeps until the
 * test calls {@link #advance}. So ten silent seconds pass in no time, and a stuck send is never judged slow unless the
 * test moves time.
 */
final class TickedDoor implements AutoCloseable {
    final ManualTicker ticker = new ManualTicker();
    private final KeepAlive keepAlive;
    private final Server jetty;
    private final ServerConnector connector;

    TickedDoor(TestServer server) throws Exception { this(server, server.app().config().limits()); }

    /** With other limits than the server's, e.g. a shorter slow-client timeout. */
    TickedDoor(TestServer server, AppConfig.Limits limits) throws Exception {
        keepAlive = new KeepAlive(ticker, limits.pingInterval());
        var json = new ObjectMapper();
        var upgrade = new RoomUpgrade(Set.of(TestServer.ORIGIN), server.app().tokens(), server.app().rooms(),
                new CommandParser(json), new Frames(json.getFactory()), limits, keepAlive,
                new SocketLimits(1_000, 100_000, 100_000, ticker::nanos), new org.balintcompanion.metrics.Metrics());
        jetty = new Server();
        connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setAcceptedSendBufferSize(64 * 1024);   // as WebServer: a client that stops reading fills it soon
        jetty.addConnector(connector);
        var context = new ContextHandler("/");
        context.setHandler(WebSocketUpgradeHandler.from(jetty, context, container -> {
            container.setIdleTimeout(limits.idleTimeout());
            container.addMapping(RoomUpgrade.PATH_PREFIX + "*", upgrade);
        }));
        jetty.setHandler(context);
        jetty.start();
    }

    int port() { return connector.getLocalPort(); }

    URI roomUri(String token) {
        return URI.create("ws://127.0.0.1:" + port() + RoomUpgrade.PATH_PREFIX + TestServer.ROOM.value() + "?token=" + token);
    }

    /** Moves time on and runs one keep-alive sweep, as the timers thread would. */
    void advance(Duration d) {
        ticker.advance(d);
        keepAlive.sweep();
    }

    @Override public void close() throws Exception { jetty.stop(); }
}
