package org.balintcompanion.web;

/** What {@code /healthz} reports besides rooms and connections, gathered by the composition root. */
@FunctionalInterface
public interface ServerHealth {
    Report report();

    /** {@code journal}: the room journal's state (RUNNING, RETRYING, …); {@code unrestoredRooms}: kept aside at the last start. */
    record Report(boolean healthy, String journal, int journalQueued, int unrestoredRooms) {}
}
