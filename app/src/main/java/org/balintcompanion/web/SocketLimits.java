package org.balintcompanion.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Room sockets open per client address and in total, and upgrades per address per minute. Counted per real client
 * (after {@link ForwardedClient}), so a society's members behind one proxy are not one address. A refusal happens
 * before the upgrade: nothing is held open for a caller over a limit.
 */
final class SocketLimits {
    enum Refusal { PER_ADDRESS, TOTAL, UPGRADE_RATE }

    private static final long MINUTE = 60_000_000_000L;
    private static final int FORGET_BUCKETS_PAST = 10_000;

    private final int perAddress;
    private final int total;
    private final int upgradesPerMinute;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final AtomicInteger openTotal = new AtomicInteger();
    private final ConcurrentHashMap<String, Bucket> upgrades = new ConcurrentHashMap<>();

    SocketLimits(int perAddress, int total, int upgradesPerMinute, LongSupplier nanos) {
        this.perAddress = perAddress;
        this.total = total;
        this.upgradesPerMinute = upgradesPerMinute;
        this.nanos = nanos;
    }

    /** Counts an upgrade against the address's minute; false when it has used them all. */
    boolean mayUpgrade(String address) {
        long now = nanos.getAsLong();
        if (upgrades.size() > FORGET_BUCKETS_PAST) upgrades.values().removeIf(b -> b.idleSince(now) > MINUTE);
        return upgrades.computeIfAbsent(address, a -> new Bucket(upgradesPerMinute, now)).tryTake(now, upgradesPerMinute);
    }

    /** Reserves a socket for this address; null when admitted (then {@link #release} it once), else why not. */
    Refusal admit(String address) {
        if (openTotal.incrementAndGet() > total) {
            openTotal.decrementAndGet();
            return Refusal.TOTAL;
        }
        boolean[] admitted = {false};
        open.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= perAddress) return n;
            admitted[0] = true;
            return count + 1;
        });
        if (!admitted[0]) {
            openTotal.decrementAndGet();
            return Refusal.PER_ADDRESS;
        }
        return null;
    }

    void release(String address) {
        open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        openTotal.decrementAndGet();
    }

    int openTotal() { return openTotal.get(); }

    /** A token bucket refilled at {@code perMinute} a minute; touched under its own lock only. */
    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int perMinute, long now) {
            this.tokens = perMinute;
            this.last = now;
        }

        synchronized boolean tryTake(long now, int perMinute) {
            tokens = Math.min(perMinute, tokens + (now - last) * (double) perMinute / MINUTE);
            last = now;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }

        synchronized long idleSince(long now) { return now - last; }
    }
}
