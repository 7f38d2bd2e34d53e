package org.balintcompanion.mail;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.balintcompanion.config.AppConfig;

/** Sends through the SMTP server named by BALINT_SMTP_HOST (Jakarta Mail, Eclipse Angus). */
public final class SmtpMailer implements Mailer {
    private final Session session;
    private final AppConfig.MailSettings settings;

    public SmtpMailer(AppConfig.MailSettings settings) {
        this.settings = settings;
        var props = new Properties();
        props.put("mail.smtp.host", settings.smtpHost());
        props.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
        props.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        props.put("mail.smtp.auth", String.valueOf(settings.smtpUser() != null));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        this.session = MimeMessages.session(props);
    }

    @Override public String send(OutgoingMail mail, String jobId) throws MailFailure {
        try {
            MimeMessage message = MimeMessages.build(session, settings.from(), mail);
            if (settings.smtpUser() != null) {
                Transport.send(message, settings.smtpUser(), settings.smtpPassword());
            } else {
                Transport.send(message);
            }
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new MailFailure("SMTP: " + e.getMessage(), e);
        }
    }
}
