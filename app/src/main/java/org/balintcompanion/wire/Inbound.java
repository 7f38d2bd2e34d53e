package org.balintcompanion.wire;

import org.balintcompanion.room.Command;

/** One parsed client frame: a room command, a request for a fresh snapshot, an app-level ping, or a refusal. */
public sealed interface Inbound {
    /** The client's id for this frame, answered with it; null only for a frame too broken to carry one. */
    String id();

    /** {@code expectedVersion} is -1 when the client did not ask for an optimistic check. */
    record RoomCommand(String id, long expectedVersion, Command command) implements Inbound {}

    record Sync(String id) implements Inbound {}

    record Ping(String id) implements Inbound {}

    /** A note between co-leaders: memory only, never part of the room state, never written anywhere. */
    record Backchannel(String id, String text) implements Inbound {}

    /** {@code id} is null when the frame was too broken to carry one. */
    record Invalid(String id, String code, String message) implements Inbound {}
}
