package org.balintcompanion.zoom;

import java.time.Duration;

/** Waits between attempts and for the rate budget. Injected so tests record the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return Thread::sleep;
    }
}
