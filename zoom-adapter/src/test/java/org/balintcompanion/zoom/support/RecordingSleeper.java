package org.balintcompanion.zoom.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.balintcompanion.zoom.Sleeper;

/** Records each wait and moves the manual clock by it instead of sleeping. */
public final class RecordingSleeper implements Sleeper {

    private final ManualClock clock;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    public RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        clock.advance(duration);
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
