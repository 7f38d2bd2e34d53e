package org.balintcompanion.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * Pings every open socket at a fixed interval (browsers answer pings by themselves): a panel that stops answering is
 * closed as too slow, and dead links are noticed by the idle timeout. Also sweeps for sends that have stalled.
 */
final class KeepAlive implements AutoCloseable {
    private final Set<RoomSocket> sockets = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> pinging;
    private final ScheduledFuture<?> sweeping;

    KeepAlive(ScheduledExecutorService timers, Duration pingInterval) {
        long ping = Math.max(1, pingInterval.toMillis());
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(ping);
        this.pinging = timers.scheduleAtFixedRate(() -> sockets.forEach(s -> s.ping(intervalNanos)), ping, ping, TimeUnit.MILLISECONDS);
        this.sweeping = timers.scheduleAtFixedRate(() -> sockets.forEach(RoomSocket::checkStalled), 1, 1, TimeUnit.SECONDS);
    }

    void add(RoomSocket s) { sockets.add(s); }

    void remove(RoomSocket s) { sockets.remove(s); }

    @Override public void close() {
        pinging.cancel(false);
        sweeping.cancel(false);
    }
}
