package org.balintcompanion.bench;

/** A command on its way: when it was meant to leave, in which window, what its sender held then, and its text. */
record Pending(long intendedNanos, PhaseStats phase, long senderVersionAtSend, String json, long seq) {}
