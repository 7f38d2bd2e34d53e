package org.balintcompanion.live;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.balintcompanion.room.MemberId;

/**
 * The last replies given to each member, by command id, so a command retried after a reconnect is answered again
 * instead of applied twice. Bounded per member; touched only by the room's writer.
 */
final class RecentReplies {
    private final int perMember;
    private final Map<MemberId, LinkedHashMap<String, String>> byMember = new HashMap<>();

    RecentReplies(int perMember) { this.perMember = perMember; }

    String get(MemberId m, String id) {
        var replies = byMember.get(m);
        return replies == null ? null : replies.get(id);
    }

    void put(MemberId m, String id, String reply) {
        byMember.computeIfAbsent(m, k -> new LinkedHashMap<>(16, 0.75f, false) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > perMember;
            }
        }).put(id, reply);
    }
}
