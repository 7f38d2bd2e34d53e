package org.balintcompanion.store;

import java.time.Instant;
import java.util.List;

import org.balintcompanion.room.RoomId;

/**
 * Where the room journal's entries end up: an append-only file on the embedded default, tables on PostgreSQL. Both
 * keep the same promise, which the same tests check: when {@link #append} returns, every entry given is on stable
 * storage; when it throws, the failure says whether trying again can help.
 */
public interface JournalSink extends AutoCloseable {
    /** Writes the entries, in order, durably; all of them or, on failure, possibly some (the journal retries all). */
    void append(List<JournalEntry> entries) throws JournalFailure;

    /** Everything stored, room by room, as it was written; nothing decoded yet, so one bad room cannot hide the others. */
    List<StoredRoom> recover();

    /**
     * Called once after a restore with what the rooms now are: the sink may rewrite itself to hold exactly these (the
     * file starts a new segment and drops torn tails). Rooms not listed are forgotten.
     */
    void rebase(List<JournalEntry.Snapshot> rooms) throws JournalFailure;

    /**
     * Called between batches with the open rooms, so a sink that grows (the file) can start again from their
     * snapshots; returns quickly when there is nothing to do.
     */
    default void compactIfDue(java.util.function.Supplier<List<JournalEntry.Snapshot>> rooms) throws JournalFailure {}

    /**
     * Called once a batch that ended rooms is written, with the rooms still open: the ended rooms' data must be gone
     * from the storage when this returns (the file rewrites the open rooms into a fresh segment; tables deleted the
     * rows already).
     */
    default void forgetClosed(List<JournalEntry.Snapshot> openRooms) throws JournalFailure {}

    @Override void close();

    /** One room as stored: its last snapshot and the changes after it, still as text. */
    record StoredRoom(RoomId id, String meetingId, String snapshotJson, List<StoredEvent> events, List<JournalEntry.Answered> answered) {}

    /** One stored change. {@code commandId} and {@code reply} are null for the server's own changes. */
    record StoredEvent(long version, Instant at, String actor, String actorRole, String commandId, String commandJson, String reply) {}
}
