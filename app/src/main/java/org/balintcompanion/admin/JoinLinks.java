package org.balintcompanion.admin;

import org.balintcompanion.store.Sql;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.balintcompanion.auth.RoomTokens;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.store.Database;

/**
 * Personal join links for one meeting: signed tokens scoped to the meeting's room, the person and their role, valid
 * until a day after the meeting, revocable. Revoked link ids are kept in memory so a connection never waits for the
 * database.
 */
public final class JoinLinks {
    private static final Duration VALID_AFTER_END = Duration.ofDays(1);

    public record Link(String linkId, String personId, String displayName, Role role, String url, Instant expiresAt,
                       Instant revokedAt) {
        @Override public String toString() { return "Link[" + linkId + ", " + personId + "]"; }
    }

    private final Database db;
    private final RoomTokens tokens;
    private final Ids ids;
    private final AuditLog audit;
    private final Clock clock;
    private final URI publicUrl;
    private final Revoked revoked;

    /** Withdrawn link ids, loaded once at start and kept in memory for the token check at every connection. */
    public static final class Revoked {
        private final Set<String> ids = ConcurrentHashMap.newKeySet();

        public static Revoked load(Database db) {
            var r = new Revoked();
            r.ids.addAll(db.read(c -> Sql.list(c, "SELECT jti FROM join_link WHERE revoked_at IS NOT NULL", rs -> rs.getString(1))));
            return r;
        }

        public boolean contains(String linkId) { return ids.contains(linkId); }
    }

    public JoinLinks(Database db, RoomTokens tokens, Revoked revoked, Ids ids, AuditLog audit, Clock clock, URI publicUrl) {
        this.db = db;
        this.tokens = tokens;
        this.revoked = revoked;
        this.ids = ids;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** Issues a fresh link for each person on the roster (or just {@code onlyPerson}). */
    public List<Link> issue(Account by, Meetings.Meeting meeting, List<Groups.RosterEntry> roster, String onlyPerson) {
        Access.requireLeads(db, by, meeting.groupId());
        Instant expires = meeting.endsAt().plus(VALID_AFTER_END);
        var links = new ArrayList<Link>();
        for (Groups.RosterEntry e : roster) {
            if (onlyPerson != null && !onlyPerson.equals(e.personId())) continue;
            String jti = ids.newId("l-");
            String token = tokens.issue(RoomId.of(meeting.id()), MemberId.of(e.personId()), e.role(), expires, jti);
            String page = e.role().leads() ? "/lead/" : "/join/";
            links.add(new Link(jti, e.personId(), e.displayName(), e.role(), publicUrl + page + "#token=" + token, expires, null));
        }
        if (onlyPerson != null && links.isEmpty()) throw ApiException.notFound("person on this group's roster");
        db.inTransaction(c -> {
            for (Link l : links) {
                Sql.update(c, "INSERT INTO join_link (jti, meeting_id, person_id, role, issued_at, expires_at) VALUES (?,?,?,?,?,?)",
                        l.linkId(), meeting.id(), l.personId(), l.role(), clock.instant(), l.expiresAt());
                audit.record(c, by.email(), "link.issue", l.linkId());
            }
            return null;
        });
        return links;
    }

    /** Issued links without their tokens: a token is shown once, when issued. */
    public List<Link> list(Account by, Meetings.Meeting meeting) {
        Access.requireLeads(db, by, meeting.groupId());
        return db.read(c -> Sql.list(c, "SELECT l.jti, l.person_id, p.display_name, l.role, l.expires_at, l.revoked_at FROM join_link l "
                + "JOIN person p ON p.id = l.person_id WHERE l.meeting_id = ? ORDER BY p.display_name, l.issued_at",
                rs -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), null,
                        Sql.instant(rs, "expires_at"), Sql.instant(rs, "revoked_at")), meeting.id()));
    }

    public void revoke(Account by, String linkId) {
        String meetingGroup = db.read(c -> Sql.one(c, "SELECT m.group_id FROM join_link l JOIN meeting m ON m.id = l.meeting_id WHERE l.jti = ?",
                rs -> rs.getString(1), linkId));
        if (meetingGroup == null) throw ApiException.notFound("link");
        Access.requireLeads(db, by, meetingGroup);
        db.inTransaction(c -> {
            Sql.update(c, "UPDATE join_link SET revoked_at = ? WHERE jti = ? AND revoked_at IS NULL", clock.instant(), linkId);
            audit.record(c, by.email(), "link.revoke", linkId);
            return null;
        });
        revoked.ids.add(linkId);
    }
}
