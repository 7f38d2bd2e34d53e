package org.balintcompanion.web;

/**
 * A token bucket per connection: {@code perSecond} commands a second with bursts up to {@code burst}. Touched only by
 * the connection's reading thread (Jetty delivers one socket's frames one at a time).
 */
final class CommandRate {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    CommandRate(int perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
