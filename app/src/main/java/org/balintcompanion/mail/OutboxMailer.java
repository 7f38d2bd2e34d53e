package org.balintcompanion.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

import jakarta.mail.MessagingException;
import org.balintcompanion.store.Database;

/**
 * With no SMTP server configured, each message is written as an .eml file in {@code <data dir>/outbox} and listed
 * for admins, so the demo and a first install work with nothing set up.
 */
public final class OutboxMailer implements Mailer {
    private final Path dir;
    private final String from;
    private final Database db;
    private final Clock clock;

    public OutboxMailer(Path dataDir, String from, Database db, Clock clock) {
        this.dir = dataDir.resolve("outbox");
        this.from = from;
        this.db = db;
        this.clock = clock;
    }

    @Override public String send(OutgoingMail mail, String jobId) throws MailFailure {
        String file = "mail-" + jobId + ".eml";
        try {
            Files.createDirectories(dir);
            var message = MimeMessages.build(MimeMessages.session(new Properties()), from, mail);
            try (OutputStream out = Files.newOutputStream(dir.resolve(file))) {
                message.writeTo(out);
            }
        } catch (IOException | MessagingException e) {
            throw new MailFailure("cannot write to the outbox: " + e.getMessage(), e);
        }
        db.read(c -> {
            try (var ps = c.prepareStatement("INSERT INTO outbox_message (id, job_id, recipient, subject, file_name, created_at) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, jobId);
                ps.setString(2, jobId);
                ps.setString(3, mail.to());
                ps.setString(4, mail.subject().length() > 300 ? mail.subject().substring(0, 300) : mail.subject());
                ps.setString(5, file);
                ps.setObject(6, clock.instant().atOffset(java.time.ZoneOffset.UTC));
                return ps.executeUpdate();
            }
        });
        return dir.resolve(file).toString();
    }
}
