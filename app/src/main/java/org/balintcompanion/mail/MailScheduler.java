package org.balintcompanion.mail;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.balintcompanion.auth.RsvpTokens;
import org.balintcompanion.store.Database;
import org.balintcompanion.store.Sql;
import org.balintcompanion.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable mail scheduler. Every message is a row in {@code mail_job}, unique per meeting, person, kind and
 * meeting version, so nothing is planned twice; a job is sent only by the scheduler that wins the atomic claim, so
 * two processes on one database never send it twice. A job whose time passed while the server was down goes out at
 * start if still useful (before the meeting), else it is marked skipped. Failed sends are retried with backoff, then
 * shown to the admin as failed.
 */
public final class MailScheduler {
    private static final Logger log = LoggerFactory.getLogger(MailScheduler.class);
    private static final Duration PLANNING_WINDOW = Duration.ofDays(62);
    private static final Duration STALE_CLAIM = Duration.ofMinutes(15);
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1));
    private static final int MAX_ATTEMPTS = 5;
    /** The least time between an invitation going out and the reminder to answer it. */
    private static final Duration REMINDER_AFTER_INVITATION = Duration.ofHours(12);

    /** What a message needs to be written; {@link MailLinks} issues the personal links. */
    public interface MailLinks {
        URI panelLink(String meetingId, String personId);
    }

    private final Database db;
    private final Mailer mailer;
    private final MailComposer composer;
    private final RsvpTokens rsvp;
    private final MailLinks links;
    private final URI publicUrl;
    private final Clock clock;
    private final String instance = "sched-" + UUID.randomUUID().toString().substring(0, 8);

    public MailScheduler(Database db, Mailer mailer, String fromAddress, RsvpTokens rsvp, MailLinks links, URI publicUrl, Clock clock) {
        this.db = db;
        this.mailer = mailer;
        this.composer = new MailComposer(new CalendarFiles(address(fromAddress)));
        this.rsvp = rsvp;
        this.links = links;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Plans what is missing, then sends what is due. Safe to run from several threads or processes at once. */
    public synchronized int runOnce() {
        Instant now = clock.instant();
        plan(now);
        db.read(c -> Sql.update(c, "UPDATE mail_job SET status = 'PENDING' WHERE status = 'SENDING' AND claimed_at < ?", now.minus(STALE_CLAIM)));
        int sent = 0;
        for (String id : claimDue(now)) if (deliver(id, now)) sent++;
        return sent;
    }

    // ---- planning ----

    private record Upcoming(String id, int sequence, Instant start, String status, int inviteDays, int reminderHours, int lastCallMinutes) {}

    private void plan(Instant now) {
        List<Upcoming> meetings = db.read(c -> Sql.list(c, "SELECT m.id, m.sequence, m.starts_at, m.status, g.invite_days_ahead, "
                + "g.reminder_hours_before, g.last_call_minutes_before FROM meeting m JOIN balint_group g ON g.id = m.group_id "
                + "WHERE m.starts_at > ? AND m.starts_at < ?", rs -> new Upcoming(rs.getString(1), rs.getInt(2), instant(rs, 3),
                rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)), now, now.plus(PLANNING_WINDOW)));
        for (Upcoming m : meetings) {
            List<String> people = db.read(c -> Sql.list(c, "SELECT p.id FROM person p JOIN roster_entry r ON r.person_id = p.id "
                    + "JOIN meeting m ON m.group_id = r.group_id WHERE m.id = ? AND p.email IS NOT NULL", rs -> rs.getString(1), m.id()));
            Set<String> existing = new HashSet<>(db.read(c -> Sql.list(c, "SELECT person_id, kind, sequence FROM mail_job WHERE meeting_id = ?",
                    rs -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3), m.id())));
            for (String person : people) {
                if (m.status().equals("CANCELLED")) {
                    if (wasInvited(m.id(), person)) add(existing, m, person, MailComposer.Kind.CANCELLATION, now);
                    continue;
                }
                Instant inviteAt = m.start().minus(Duration.ofDays(m.inviteDays()));
                // A meeting that moved is announced at once to those who already had the old invitation.
                boolean changed = m.sequence() > 0 && !existing.contains(person + "|INVITATION|" + m.sequence()) && wasInvited(m.id(), person);
                Instant invitationDue = changed && now.isBefore(inviteAt) ? now : inviteAt;
                add(existing, m, person, MailComposer.Kind.INVITATION, invitationDue);
                Instant reminderDue = m.start().minus(Duration.ofHours(m.reminderHours()));
                // "Can you answer?" right after the invitation would ask twice in the same minute (a meeting planned
                // for tomorrow): the reminder is planned only when it comes well after the invitation goes out.
                // Later sweeps only push "out" later, so a reminder left out once stays out.
                Instant invitationOut = invitationDue.isAfter(now) ? invitationDue : now;
                if (reminderDue.isAfter(invitationOut.plus(REMINDER_AFTER_INVITATION))) {
                    add(existing, m, person, MailComposer.Kind.REMINDER, reminderDue);
                }
                add(existing, m, person, MailComposer.Kind.LAST_CALL, m.start().minus(Duration.ofMinutes(m.lastCallMinutes())));
            }
        }
    }

    private void add(Set<String> existing, Upcoming m, String person, MailComposer.Kind kind, Instant due) {
        if (existing.contains(person + "|" + kind + "|" + m.sequence())) return;
        try {
            db.read(c -> Sql.update(c, "INSERT INTO mail_job (id, meeting_id, person_id, kind, sequence, due_at, status, attempts) "
                    + "VALUES (?,?,?,?,?,?,'PENDING',0)", "j-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                    m.id(), person, kind.name(), m.sequence(), due));
        } catch (StoreException e) {
            if (!e.isDuplicateKey()) throw e;   // another scheduler planned it first: that is the point of the key
        }
    }

    private boolean wasInvited(String meeting, String person) {
        return db.read(c -> !Sql.list(c, "SELECT 1 FROM mail_job WHERE meeting_id = ? AND person_id = ? AND kind = 'INVITATION' AND status = 'SENT'",
                rs -> 1, meeting, person).isEmpty());
    }

    // ---- sending ----

    private List<String> claimDue(Instant now) {
        List<String> due = db.read(c -> Sql.list(c, "SELECT id FROM mail_job WHERE status = 'PENDING' AND due_at <= ? ORDER BY due_at "
                + "FETCH FIRST 100 ROWS ONLY", rs -> rs.getString(1), now));
        var mine = new ArrayList<String>();
        for (String id : due) {
            int won = db.read(c -> Sql.update(c, "UPDATE mail_job SET status = 'SENDING', claimed_by = ?, claimed_at = ? WHERE id = ? AND status = 'PENDING'",
                    instance, now, id));
            if (won == 1) mine.add(id);
        }
        return mine;
    }

    private record Job(String id, String meetingId, String personId, MailComposer.Kind kind, int sequence, int attempts,
                       int meetingSequence, Instant start, int minutes, String meetingZone, String meetingStatus, String zoomUrl,
                       String passcode, String groupName, String groupZone, String name, String email, String language,
                       String personZone, Boolean coming) {}

    private boolean deliver(String jobId, Instant now) {
        Job j = db.read(c -> Sql.one(c, "SELECT j.id, j.meeting_id, j.person_id, j.kind, j.sequence, j.attempts, m.sequence, m.starts_at, "
                + "m.duration_minutes, m.time_zone, m.status, m.zoom_join_url, m.zoom_passcode, g.name, g.time_zone, p.display_name, "
                + "p.email, p.language, p.time_zone, r.coming FROM mail_job j JOIN meeting m ON m.id = j.meeting_id "
                + "JOIN balint_group g ON g.id = m.group_id JOIN person p ON p.id = j.person_id "
                + "LEFT JOIN rsvp r ON r.meeting_id = j.meeting_id AND r.person_id = j.person_id WHERE j.id = ?",
                rs -> new Job(rs.getString(1), rs.getString(2), rs.getString(3), MailComposer.Kind.valueOf(rs.getString(4)),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), instant(rs, 8), rs.getInt(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                        rs.getString(18), rs.getString(19), (Boolean) rs.getObject(20)), jobId));
        if (j == null) return false;
        String skip = whySkip(j, now);
        if (skip != null) {
            finish(j.id(), "SKIPPED", skip, now);
            return false;
        }
        try {
            mailer.send(composer.compose(facts(j)), j.id());
            finish(j.id(), "SENT", null, now);
            return true;
        } catch (Mailer.MailFailure e) {
            retryOrFail(j, e.getMessage(), now);
            return false;
        } catch (RuntimeException e) {
            log.error("could not write or send mail job {}", j.id(), e);
            retryOrFail(j, "internal error: " + e.getClass().getSimpleName(), now);
            return false;
        }
    }

    /** Null when the message is still useful now. */
    private static String whySkip(Job j, Instant now) {
        if (!now.isBefore(j.start())) return "too late: the meeting has started";
        if (j.kind() == MailComposer.Kind.CANCELLATION) return j.meetingStatus().equals("CANCELLED") ? null : "the meeting is no longer cancelled";
        if (j.meetingStatus().equals("CANCELLED")) return "the meeting is cancelled";
        if (j.sequence() != j.meetingSequence()) return "replaced by a message about the meeting's new time";
        if (j.kind() == MailComposer.Kind.REMINDER && j.coming() != null) return "already answered";
        if (j.kind() == MailComposer.Kind.LAST_CALL && Boolean.FALSE.equals(j.coming())) return "answered: not coming";
        return null;
    }

    private MailComposer.Facts facts(Job j) {
        Instant until = j.start();
        URI yes = URI.create(publicUrl + "/rsvp?t=" + rsvp.issue(j.meetingId(), j.personId(), true, until));
        URI no = URI.create(publicUrl + "/rsvp?t=" + rsvp.issue(j.meetingId(), j.personId(), false, until));
        boolean updated = j.kind() == MailComposer.Kind.INVITATION && j.sequence() > 0 && wasInvited(j.meetingId(), j.personId());
        return new MailComposer.Facts(j.kind(), updated, j.meetingId(), j.meetingSequence(), j.groupName(), j.start(),
                Duration.ofMinutes(j.minutes()), ZoneId.of(j.groupZone()), j.name(), j.email(), j.language(), ZoneId.of(j.personZone()),
                j.zoomUrl(), j.passcode(), j.kind() == MailComposer.Kind.CANCELLATION ? publicUrl : links.panelLink(j.meetingId(), j.personId()),
                URI.create(publicUrl + "/check/"), yes, no);
    }

    private void retryOrFail(Job j, String error, Instant now) {
        int attempts = j.attempts() + 1;
        String reason = error.length() > 480 ? error.substring(0, 480) : error;
        if (attempts >= MAX_ATTEMPTS) {
            db.read(c -> Sql.update(c, "UPDATE mail_job SET status = 'FAILED', attempts = ?, last_error = ?, done_at = ? WHERE id = ?",
                    attempts, reason, now, j.id()));
            log.warn("mail job {} failed after {} attempts", j.id(), attempts);
        } else {
            Instant next = now.plus(BACKOFF.get(Math.min(attempts - 1, BACKOFF.size() - 1)));
            db.read(c -> Sql.update(c, "UPDATE mail_job SET status = 'PENDING', attempts = ?, last_error = ?, due_at = ? WHERE id = ?",
                    attempts, reason, next, j.id()));
        }
    }

    private void finish(String id, String status, String note, Instant now) {
        db.read(c -> Sql.update(c, "UPDATE mail_job SET status = ?, last_error = ?, done_at = ? WHERE id = ?", status, note, now, id));
    }

    /** One planned message, as admins see it: never its content. */
    public record JobView(String personId, String kind, int sequence, String dueAt, String status, int attempts, String note) {}

    public List<JobView> jobs(String meetingId) {
        return db.read(c -> Sql.list(c, "SELECT person_id, kind, sequence, due_at, status, attempts, last_error FROM mail_job "
                + "WHERE meeting_id = ? ORDER BY due_at, person_id", rs -> new JobView(rs.getString(1), rs.getString(2), rs.getInt(3),
                instant(rs, 4).toString(), rs.getString(5), rs.getInt(6), rs.getString(7)), meetingId));
    }

    /** Messages kept in the outbox when no SMTP server is configured. */
    public record OutboxEntry(String id, String recipient, String subject, String file, String createdAt) {}

    public List<OutboxEntry> outbox(int limit) {
        return db.read(c -> Sql.list(c, "SELECT id, recipient, subject, file_name, created_at FROM outbox_message ORDER BY created_at DESC "
                + "FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY",
                rs -> new OutboxEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5).toString())));
    }

    /** One outbox message with its text, for an admin checking what was sent (no SMTP server configured). */
    public record OutboxText(String id, String recipient, String subject, String createdAt, String text) {}

    public java.util.Optional<OutboxText> outboxMessage(String id) {
        if (!(mailer instanceof OutboxMailer box)) return java.util.Optional.empty();
        OutboxEntry e = db.read(c -> Sql.one(c, "SELECT id, recipient, subject, file_name, created_at FROM outbox_message WHERE id = ?",
                rs -> new OutboxEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5).toString()), id));
        if (e == null) return java.util.Optional.empty();
        return box.readText(e.file()).map(text -> new OutboxText(e.id(), e.recipient(), e.subject(), e.createdAt(), text));
    }

    private static String address(String from) {
        int lt = from.indexOf('<');
        return lt >= 0 ? from.substring(lt + 1, from.indexOf('>', lt)).trim() : from.trim();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
