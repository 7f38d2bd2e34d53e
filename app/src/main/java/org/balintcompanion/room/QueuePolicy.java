package org.balintcompanion.room;

/** Where a newly raised hand goes in the queue. Leaders may reorder afterwards either way. */
public enum QueuePolicy {
    /** Fewest turns taken this meeting first, then earliest raise: those who say little are not skipped. */
    SPOKEN_LEAST_FIRST,
    FIRST_COME
}
