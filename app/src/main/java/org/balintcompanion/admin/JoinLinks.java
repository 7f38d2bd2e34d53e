package org.balintcompanion.admin;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.balintcompanion.auth.Revocations;
import org.balintcompanion.auth.RoomTokens;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.store.Database;
import org.balintcompanion.store.Sql;

/**
 * Personal join links for one meeting: signed tokens scoped to the meeting's room, the person and their role, valid
 * until a day after the meeting. A person may hold several (the leader's, one per e-mail); a leader withdraws one
 * link, or a person's access to the meeting, which stops every link they hold for it.
 */
public final class JoinLinks {
    private static final Duration VALID_AFTER_END = Duration.ofDays(1);

    /** A link as issued: the only time its token is shown. */
    public record Link(String linkId, String personId, String displayName, Role role, String url, Instant expiresAt,
                       Instant revokedAt) {
        @Override public String toString() { return "Link[" + linkId + ", " + personId + "]"; }
    }

    /** One person on the roster and the links they were given for a meeting; {@code revokedAt} null while they have access. */
    public record PersonLinks(String personId, String displayName, Role role, int issued, Instant lastIssuedAt,
                              Instant revokedAt) {}

    private final Database db;
    private final RoomTokens tokens;
    private final Ids ids;
    private final AuditLog audit;
    private final Clock clock;
    private final URI publicUrl;
    private final Revoked revoked;
    private final RoomOpener rooms;

    /** What was withdrawn, loaded once at start and kept in memory for the token check at every connection. */
    public static final class Revoked implements Revocations {
        private final Set<String> links = ConcurrentHashMap.newKeySet();
        private final Set<String> people = ConcurrentHashMap.newKeySet();

        public static Revoked load(Database db) {
            var r = new Revoked();
            r.links.addAll(db.read(c -> Sql.list(c, "SELECT jti FROM join_link WHERE revoked_at IS NOT NULL", rs -> rs.getString(1))));
            r.people.addAll(db.read(c -> Sql.list(c, "SELECT meeting_id, person_id FROM meeting_access_withdrawn",
                    rs -> key(rs.getString(1), rs.getString(2)))));
            return r;
        }

        @Override public boolean linkWithdrawn(String linkId) { return links.contains(linkId); }

        @Override public boolean accessWithdrawn(RoomId room, MemberId member) { return people.contains(key(room.value(), member.value())); }

        private static String key(String meetingId, String personId) { return meetingId + "/" + personId; }
    }

    public JoinLinks(Database db, RoomTokens tokens, Revoked revoked, Ids ids, AuditLog audit, Clock clock, URI publicUrl,
                     RoomOpener rooms) {
        this.db = db;
        this.tokens = tokens;
        this.revoked = revoked;
        this.ids = ids;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.rooms = rooms;
    }

    /**
     * Issues a fresh link for each person on the roster whose access is not withdrawn, or just for {@code onlyPerson}
     * (an e-mail's link: it opens nothing while that person's access is withdrawn).
     */
    public List<Link> issue(Account by, Meetings.Meeting meeting, List<Groups.RosterEntry> roster, String onlyPerson) {
        Access.requireLeads(db, by, meeting.groupId());
        Instant expires = meeting.endsAt().plus(VALID_AFTER_END);
        var links = new ArrayList<Link>();
        for (Groups.RosterEntry e : roster) {
            if (onlyPerson != null ? !onlyPerson.equals(e.personId()) : revoked.people.contains(Revoked.key(meeting.id(), e.personId()))) continue;
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

    /** A leader gives one person a new link, which also gives back access they had withdrawn (the old links stay dead). */
    public List<Link> issueGivingAccessBack(Account by, Meetings.Meeting meeting, List<Groups.RosterEntry> roster, String personId) {
        Access.requireLeads(db, by, meeting.groupId());
        if (roster.stream().noneMatch(e -> e.personId().equals(personId))) throw ApiException.notFound("person on this group's roster");
        if (revoked.people.contains(Revoked.key(meeting.id(), personId))) {
            db.inTransaction(c -> {
                Sql.update(c, "DELETE FROM meeting_access_withdrawn WHERE meeting_id = ? AND person_id = ?", meeting.id(), personId);
                audit.record(c, by.email(), "access.restore", meeting.id() + "/" + personId);
                return null;
            });
            revoked.people.remove(Revoked.key(meeting.id(), personId));
            rooms.accessRestored(meeting.id(), personId);
        }
        return issue(by, meeting, roster, personId);
    }

    /** Everyone on the roster, with how many links they were given and whether their access is withdrawn. */
    public List<PersonLinks> list(Account by, Meetings.Meeting meeting, List<Groups.RosterEntry> roster) {
        Access.requireLeads(db, by, meeting.groupId());
        record Issued(int count, Instant last) {}
        var issued = new HashMap<String, Issued>();
        var withdrawn = new HashMap<String, Instant>();
        db.read(c -> {
            for (var row : Sql.list(c, "SELECT person_id, COUNT(*), MAX(issued_at) AS last_issued FROM join_link WHERE meeting_id = ? GROUP BY person_id",
                    rs -> Map.entry(rs.getString(1), new Issued(rs.getInt(2), Sql.instant(rs, "last_issued"))), meeting.id())) {
                issued.put(row.getKey(), row.getValue());
            }
            for (var row : Sql.list(c, "SELECT person_id, withdrawn_at FROM meeting_access_withdrawn WHERE meeting_id = ?",
                    rs -> Map.entry(rs.getString(1), Sql.instant(rs, "withdrawn_at")), meeting.id())) {
                withdrawn.put(row.getKey(), row.getValue());
            }
            return null;
        });
        return roster.stream().map(e -> {
            Issued i = issued.getOrDefault(e.personId(), new Issued(0, null));
            return new PersonLinks(e.personId(), e.displayName(), e.role(), i.count(), i.last(), withdrawn.get(e.personId()));
        }).toList();
    }

    /**
     * Withdraws a person's access to the meeting: every link they hold stops working at once, so does any link an
     * e-mail gives them later, and their open panels close for good.
     */
    public void withdrawAccess(Account by, Meetings.Meeting meeting, List<Groups.RosterEntry> roster, String personId) {
        Access.requireLeads(db, by, meeting.groupId());
        List<String> held = db.read(c -> Sql.list(c, "SELECT jti FROM join_link WHERE meeting_id = ? AND person_id = ?",
                rs -> rs.getString(1), meeting.id(), personId));
        if (held.isEmpty() && roster.stream().noneMatch(e -> e.personId().equals(personId))) {
            throw ApiException.notFound("person on this group's roster");
        }
        Instant now = clock.instant();
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM meeting_access_withdrawn WHERE meeting_id = ? AND person_id = ?", meeting.id(), personId);
            Sql.update(c, "INSERT INTO meeting_access_withdrawn (meeting_id, person_id, withdrawn_at) VALUES (?,?,?)", meeting.id(), personId, now);
            Sql.update(c, "UPDATE join_link SET revoked_at = ? WHERE meeting_id = ? AND person_id = ? AND revoked_at IS NULL",
                    now, meeting.id(), personId);
            audit.record(c, by.email(), "access.withdraw", meeting.id() + "/" + personId);
            return null;
        });
        revoked.people.add(Revoked.key(meeting.id(), personId));   // before the panels close, so none can come back
        revoked.links.addAll(held);
        rooms.accessWithdrawn(meeting.id(), personId);
    }

    /** Withdraws one link: it opens nothing any more, and panels opened with it are closed. */
    public void revoke(Account by, String linkId) {
        record Holder(String meetingId, String personId, String groupId) {}
        Holder h = db.read(c -> Sql.one(c, "SELECT l.meeting_id, l.person_id, m.group_id FROM join_link l JOIN meeting m ON m.id = l.meeting_id "
                + "WHERE l.jti = ?", rs -> new Holder(rs.getString(1), rs.getString(2), rs.getString(3)), linkId));
        if (h == null) throw ApiException.notFound("link");
        Access.requireLeads(db, by, h.groupId());
        int withdrawn = db.inTransaction(c -> {
            int n = Sql.update(c, "UPDATE join_link SET revoked_at = ? WHERE jti = ? AND revoked_at IS NULL", clock.instant(), linkId);
            audit.record(c, by.email(), "link.revoke", linkId);
            return n;
        });
        revoked.links.add(linkId);
        if (withdrawn > 0) rooms.linkWithdrawn(h.meetingId(), h.personId());
    }
}
