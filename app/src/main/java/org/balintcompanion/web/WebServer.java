package org.balintcompanion.web;


import org.balintcompanion.auth.RoomTokens;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.live.RoomRegistry;
import org.balintcompanion.wire.CommandParser;
import org.balintcompanion.wire.Frames;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.admin.Admin;
import org.balintcompanion.admin.ZoomPresenceRouter;
import org.balintcompanion.zoom.webhook.ZoomWebhooks;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty, wired: room sockets at /ws/rooms/{room}, /healthz, the static panels, and JSON errors for the rest. */
public final class WebServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final KeepAlive keepAlive;

    public WebServer(AppConfig config, RoomTokens tokens, RoomRegistry rooms, CommandParser parser, Frames frames,
                     ScheduledExecutorService timers, Admin admin, ObjectMapper apiJson,
                     ZoomWebhooks webhooks, ZoomPresenceRouter zoomPresence, ServerHealth health) {
        var threads = new QueuedThreadPool();
        threads.setName("http");
        // Admin requests block on the database: virtual threads keep that from tying up platform threads.
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost(config.bindHost());
        connector.setPort(config.port());
        connector.setAcceptQueueSize(4096);
        // A small kernel send buffer per socket: a panel that stops reading fills it after a few frames, so its
        // stuck send is seen (and the panel closed) in seconds rather than after megabytes.
        connector.setAcceptedSendBufferSize(64 * 1024);
        server.addConnector(connector);
        keepAlive = new KeepAlive(Ticker.system(), config.limits().pingInterval()).start(timers);

        var upgrade = new RoomUpgrade(config.allowedOrigins(), tokens, rooms, parser, frames, config.limits(), keepAlive);
        var context = new ContextHandler("/");
        WebSocketUpgradeHandler sockets = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setMaxTextMessageSize(config.limits().maxFrameBytes());
            container.setMaxBinaryMessageSize(config.limits().maxFrameBytes());
            container.setIdleTimeout(config.limits().idleTimeout());
            container.addMapping(RoomUpgrade.PATH_PREFIX + "*", upgrade);
        });

        var pages = new ResourceHandler();
        pages.setBaseResource(ResourceFactory.of(server).newClassLoaderResource("web/"));
        pages.setWelcomeFiles("index.html");
        pages.setDirAllowed(false);
        pages.setServer(server);

        boolean https = "https".equals(config.publicUrl().getScheme());
        sockets.setHandler(new Handler.Sequence(new HttpRoutes(rooms, health), new AdminApi(admin, apiJson, https), new RsvpPage(admin.rsvps()),
                new ZoomWebhookHandler(webhooks, zoomPresence), pages, new NotFound()));
        context.setHandler(sockets);
        server.setHandler(new SecurityHeaders(context));
        server.setErrorHandler(new JsonErrors());
    }

    public void start() throws Exception { server.start(); }

    public int port() { return connector.getLocalPort(); }

    @Override public void close() throws Exception {
        keepAlive.close();
        server.stop();
    }

    /** Jetty's own errors (bad request lines, oversized headers) as problem JSON without stack traces. */
    private static final class JsonErrors extends ErrorHandler {
        JsonErrors() { setShowStacks(false); setShowMessageInTitle(false); }

        @Override public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                        org.eclipse.jetty.util.Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            Problems.write(request, response, callback, status, status >= 500 ? "Server error" : "Bad request",
                    status >= 500 ? "The server could not handle this request." : "The request could not be understood.", null);
            return true;
        }
    }
}
