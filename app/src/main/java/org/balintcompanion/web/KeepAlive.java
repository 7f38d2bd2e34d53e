package org.balintcompanion.web;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every open socket honest, in five sweeps a second: pings each one when its interval has passed since its last
 * ping (browsers answer pings by themselves), closes as too slow one that has answered no ping for
 * {@link #SILENT_INTERVALS} intervals, and closes one whose send has stalled. Each socket pings on its own phase, from
 * when it opened, so thousands of panels are not pinged in the same instant. All time comes from the {@link Ticker}.
 */
final class KeepAlive implements AutoCloseable {
    /** A panel that answered none of this many intervals' pings is not reading: its phone slept or its link died. */
    static final int SILENT_INTERVALS = 2;
    /**
     * Five sweeps a second, not one: at a 5 s ping, 12,000 panels get 2,400 pings a second, and one sweep a second sent
     * them in one burst that doubled the benchmark's steady p99 (17 → 30–37 ms); a fifth of that each 200 ms did not.
     */
    private static final Duration SWEEP_EVERY = Duration.ofMillis(200);

    private final Set<RoomSocket> sockets = ConcurrentHashMap.newKeySet();
    private final Ticker ticker;
    private final long pingEveryNanos;
    private ScheduledFuture<?> sweeping;

    KeepAlive(Ticker ticker, Duration pingInterval) {
        this.ticker = ticker;
        this.pingEveryNanos = Math.max(1, pingInterval.toNanos());
    }

    /** Sweeps on the timers thread from now on; a test leaves it unstarted and calls {@link #sweep()} itself. */
    KeepAlive start(ScheduledExecutorService timers) {
        long every = SWEEP_EVERY.toMillis();
        sweeping = timers.scheduleAtFixedRate(this::sweep, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    Ticker ticker() { return ticker; }

    void add(RoomSocket s) { sockets.add(s); }

    void remove(RoomSocket s) { sockets.remove(s); }

    void sweep() {
        long now = ticker.nanos();
        // A sweep may run a little early or late: a ping due within half a sweep is sent now, not a second later.
        long pingDue = pingEveryNanos - SWEEP_EVERY.toNanos() / 2;
        long silentFor = SILENT_INTERVALS * pingEveryNanos;
        for (RoomSocket s : sockets) s.keepAlive(now, pingDue, silentFor);
    }

    @Override public void close() {
        if (sweeping != null) sweeping.cancel(false);
    }
}
