package org.balintcompanion;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.auth.RoomTokens;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.live.RoomRegistry;
import org.balintcompanion.web.WebServer;
import org.balintcompanion.wire.CommandParser;
import org.balintcompanion.wire.Frames;

/**
 * The composition root: builds every part with {@code new}, starts the server and returns a handle. Tests call this
 * same method with a test configuration on port 0, so the production wiring is what gets tested.
 */
public final class App implements AutoCloseable {
    private final ExecutorService roomPool;
    private final ScheduledExecutorService timers;
    private final RoomRegistry rooms;
    private final RoomTokens tokens;
    private final WebServer web;
    private final AppConfig config;

    private App(AppConfig config, Clock clock) {
        this.config = config;
        var json = new ObjectMapper();
        var frames = new Frames(json.getFactory());
        this.roomPool = Executors.newFixedThreadPool(config.roomThreads(), named("room-"));
        this.timers = Executors.newSingleThreadScheduledExecutor(named("timers-"));
        this.rooms = new RoomRegistry(roomPool, frames, clock, timers, config.reconnectGrace(),
                config.limits().connectionsPerMember());
        this.tokens = new RoomTokens(config.tokenKey(), clock);
        this.web = new WebServer(config, tokens, rooms, new CommandParser(json), frames, timers, clock);
    }

    public static App start(AppConfig config, Clock clock) throws Exception {
        App app = new App(config, clock);
        try {
            app.web.start();
        } catch (Exception e) {
            app.close();
            throw e;
        }
        return app;
    }

    public int port() { return web.port(); }

    public RoomRegistry rooms() { return rooms; }

    public RoomTokens tokens() { return tokens; }

    public AppConfig config() { return config; }

    @Override public void close() throws Exception {
        rooms.closeAll(CloseCodes.SERVER_RESTART, "server restarting");
        try {
            web.close();
        } finally {
            timers.shutdownNow();
            roomPool.shutdownNow();
        }
    }

    private static ThreadFactory named(String prefix) {
        var n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
