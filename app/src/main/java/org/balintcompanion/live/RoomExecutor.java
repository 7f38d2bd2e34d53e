package org.balintcompanion.live;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one room's tasks one at a time, in order, on a pool shared by all rooms: the room's single writer. Equivalent
 * to a thread per room without a thread per room (the shape of gRPC's SerializingExecutor and OkHttp's TaskQueue).
 */
final class RoomExecutor implements Executor {
    private static final Logger log = LoggerFactory.getLogger(RoomExecutor.class);
    /** After this many tasks the drain yields, so a busy room cannot starve the others sharing the pool. */
    private static final int BATCH = 64;

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Executor pool;

    RoomExecutor(Executor pool) { this.pool = pool; }

    @Override public void execute(Runnable task) {
        tasks.add(task);
        kick();
    }

    private void kick() {
        if (draining.compareAndSet(false, true)) pool.execute(this::drain);
    }

    private void drain() {
        try {
            for (int i = 0; i < BATCH; i++) {
                Runnable task = tasks.poll();
                if (task == null) break;
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    // A bug in one task must not kill the room: the state stays what it was before that task.
                    log.error("room task failed; the room keeps its previous state", e);
                }
            }
        } finally {
            draining.set(false);
        }
        if (!tasks.isEmpty()) kick();
    }
}
