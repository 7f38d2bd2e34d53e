package org.balintcompanion.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.balintcompanion.auth.RsvpTokens;
import org.balintcompanion.auth.TokenRejected;
import org.balintcompanion.store.Database;
import org.balintcompanion.store.Sql;

/** Answers from the "I'll come" / "I can't come" links: coming or not, when, and nothing else (no reason asked). */
public final class Rsvps {
    public record Answer(String personId, String displayName, Boolean coming, String answeredAt) {}

    /**
     * What a person sees after clicking: their answer, their language, when the meeting starts (in their language and
     * zone), and a link to change it.
     */
    public record Recorded(boolean coming, String language, String groupName, String startsAt, String changeToken) {}

    private final Database db;
    private final RsvpTokens tokens;
    private final Clock clock;

    public Rsvps(Database db, RsvpTokens tokens, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Records the answer a link carries; any number of times until the meeting starts (the last one counts). */
    public Recorded record(String token) throws TokenRejected {
        RsvpTokens.Answer a = tokens.verify(token);
        Object[] m = db.read(c -> Sql.one(c, "SELECT m.starts_at, g.name, p.language, p.time_zone FROM meeting m JOIN balint_group g ON g.id = m.group_id "
                + "JOIN roster_entry r ON r.group_id = g.id JOIN person p ON p.id = r.person_id WHERE m.id = ? AND p.id = ? AND m.status = 'SCHEDULED'",
                rs -> new Object[] {Sql.instant(rs, "starts_at"), rs.getString(2), rs.getString(3), rs.getString(4)},
                a.meetingId(), a.personId()));
        if (m == null) throw new TokenRejected("This meeting is no longer planned for you.", false);
        Instant start = (Instant) m[0];
        if (!clock.instant().isBefore(start)) throw new TokenRejected("The meeting has started: answers are closed.", true);
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM rsvp WHERE meeting_id = ? AND person_id = ?", a.meetingId(), a.personId());
            return Sql.update(c, "INSERT INTO rsvp (meeting_id, person_id, coming, answered_at) VALUES (?,?,?,?)",
                    a.meetingId(), a.personId(), a.coming(), clock.instant());
        });
        String language = (String) m[2];
        String startsAt = MailComposer.startsAt(start, java.time.ZoneId.of((String) m[3]), "fr".equals(language));
        return new Recorded(a.coming(), language, (String) m[1], startsAt, tokens.issue(a.meetingId(), a.personId(), !a.coming(), start));
    }

    /** Everyone on the meeting's roster with their answer, or null when they have not answered. */
    public List<Answer> of(String meetingId) {
        return db.read(c -> Sql.list(c, "SELECT p.id, p.display_name, a.coming, a.answered_at FROM meeting m "
                + "JOIN roster_entry r ON r.group_id = m.group_id JOIN person p ON p.id = r.person_id "
                + "LEFT JOIN rsvp a ON a.meeting_id = m.id AND a.person_id = p.id WHERE m.id = ? ORDER BY r.seat, p.display_name",
                rs -> {
                    Instant at = Sql.instant(rs, "answered_at");
                    return new Answer(rs.getString(1), rs.getString(2), (Boolean) rs.getObject(3), at == null ? null : at.toString());
                }, meetingId));
    }
}
