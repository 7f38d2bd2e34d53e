package org.balintcompanion.web;

/**
 * Monotonic time in nanoseconds for the keep-alive, the outbox and the rate limit: {@link System#nanoTime()} in
 * production, a hand-moved one in tests, so "ten seconds without a pong" is reached without waiting ten seconds.
 */
@FunctionalInterface
interface Ticker {
    long nanos();

    static Ticker system() { return System::nanoTime; }
}
