package org.balintcompanion.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
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

    /** The plain text of a message kept in the outbox, as its recipient would read it; empty if the file is gone. */
    Optional<String> readText(String file) {
        Path path = dir.resolve(file).normalize();
        if (!path.startsWith(dir) || !Files.isRegularFile(path)) return Optional.empty();
        try (var in = Files.newInputStream(path)) {
            return Optional.ofNullable(plainText(new MimeMessage(MimeMessages.session(new Properties()), in)));
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot read outbox message " + file, e);
        }
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) return String.valueOf(part.getContent()).replace("\r\n", "\n");
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                String text = plainText(parts.getBodyPart(i));
                if (text != null) return text;
            }
        }
        return null;
    }
}
