package org.balintcompanion.web;

import java.time.Duration;

/** Monotonic time that moves only when the test says so; starts away from zero, as System.nanoTime() may. */
final class ManualTicker implements Ticker {
    private volatile long now = 7_000_000_000L;

    void advance(Duration d) { now += d.toNanos(); }

    @Override public long nanos() { return now; }
}
