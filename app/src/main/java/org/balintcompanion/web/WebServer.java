package org.balintcompanion.web;


import org.balintcompanion.auth.RoomTokens;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.live.RoomRegistry;
import org.balintcompanion.metrics.Metrics;
import org.balintcompanion.wire.CommandParser;
import org.balintcompanion.wire.Frames;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.admin.Admin;
import org.balintcompanion.admin.Backups;
import org.balintcompanion.admin.ZoomPresenceRouter;
import org.balintcompanion.zoom.webhook.ZoomWebhooks;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty, wired: room sockets at /ws/rooms/{room}, /healthz, the static panels, and JSON errors for the rest; HTTPS
 * with HTTP/2 when PEM files are configured, forwarded addresses from trusted proxies only, connection limits, and
 * metrics on their own port.
 */
public final class WebServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final ServerConnector metricsConnector;
    private final KeepAlive keepAlive;
    private final PemTls tls;

    public WebServer(AppConfig config, RoomTokens tokens, RoomRegistry rooms, CommandParser parser, Frames frames,
                     ScheduledExecutorService timers, Admin admin, ObjectMapper apiJson,
                     ZoomWebhooks webhooks, ZoomPresenceRouter zoomPresence, ServerHealth health, Metrics metrics,
                     Backups backups) {
        var threads = new QueuedThreadPool();
        threads.setName("http");
        // Admin requests block on the database: virtual threads keep that from tying up platform threads.
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        var edge = config.edge();
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.addCustomizer(new ForwardedClient(edge));
        tls = edge.tls().map(PemTls::new).orElse(null);
        if (tls != null) {
            var secure = new SecureRequestCustomizer();
            // Panels are reached by IP on a LAN as often as by name: the certificate's names are not enforced here.
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            var h1 = new HttpConnectionFactory(http);
            var h2 = new HTTP2ServerConnectionFactory(http);
            var alpn = new ALPNServerConnectionFactory();
            alpn.setDefaultProtocol(h1.getProtocol());
            connector = new ServerConnector(server, new SslConnectionFactory(tls.factory(), alpn.getProtocol()), alpn, h2, h1);
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(config.bindHost());
        connector.setPort(config.port());
        connector.setAcceptQueueSize(4096);
        // A small kernel send buffer per socket: a panel that stops reading fills it after a few frames, so its
        // stuck send is seen (and the panel closed) in seconds rather than after megabytes.
        connector.setAcceptedSendBufferSize(64 * 1024);
        server.addConnector(connector);
        // Room sockets are refused with a 503 at BALINT_MAX_CONNECTIONS; past that plus room for page and admin
        // requests, Jetty stops accepting until a socket closes, rather than failing everyone at once.
        server.addBean(new NetworkConnectionLimit(edge.maxConnections() + Math.max(100, edge.maxConnections() / 10), connector));
        metricsConnector = edge.metrics().map(m -> {
            var c = new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration()));
            c.setHost(m.bind());
            c.setPort(m.port());
            c.setName("metrics");
            server.addConnector(c);
            return c;
        }).orElse(null);
        keepAlive = new KeepAlive(Ticker.system(), config.limits().pingInterval()).start(timers);

        var limits = new SocketLimits(edge.connectionsPerAddress(), edge.maxConnections(), edge.upgradesPerMinute(), System::nanoTime);
        metrics.gauge("balint.rooms.open", "Rooms open now", rooms::roomCount);
        metrics.gauge("balint.connections", "Room connections (panels and consoles) open now", rooms::connectionCount);
        var upgrade = new RoomUpgrade(config.allowedOrigins(), tokens, rooms, parser, frames, config.limits(), keepAlive,
                limits, metrics);
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

        boolean https = tls != null || "https".equals(config.publicUrl().getScheme());
        sockets.setHandler(new Handler.Sequence(new HttpRoutes(rooms, health), new AdminApi(admin, backups, apiJson, https), new RsvpPage(admin.rsvps()),
                new ZoomWebhookHandler(webhooks, zoomPresence, new WebhookRefusals(metrics, System::nanoTime)), pages, new NotFound()));
        context.setHandler(sockets);
        Handler site = new SecurityHeaders(context);
        server.setHandler(metricsConnector == null ? site : new MetricsEndpoint(metrics, metricsConnector, site));
        server.setErrorHandler(new JsonErrors());
    }

    public void start() throws Exception { server.start(); }

    public int port() { return connector.getLocalPort(); }

    /** The metrics port, or -1 when BALINT_METRICS_PORT is not set. */
    public int metricsPort() { return metricsConnector == null ? -1 : metricsConnector.getLocalPort(); }

    @Override public void close() throws Exception {
        keepAlive.close();
        if (tls != null) tls.close();
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
