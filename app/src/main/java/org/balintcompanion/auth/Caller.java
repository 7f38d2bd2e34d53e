package org.balintcompanion.auth;

import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;

/** Who a verified join token says the caller is. */
public record Caller(RoomId room, MemberId member, Role role) {}
