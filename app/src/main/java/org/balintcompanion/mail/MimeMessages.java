package org.balintcompanion.mail;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Builds the MIME message: text and HTML alternatives, plus the calendar both inline and as an .ics attachment. */
final class MimeMessages {
    private MimeMessages() {}

    static MimeMessage build(Session session, String from, OutgoingMail mail) throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");

        var alternatives = new MimeMultipart("alternative");
        var text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8");
        alternatives.addBodyPart(text);
        var html = new MimeBodyPart();
        html.setContent(mail.html(), "text/html; charset=UTF-8");
        alternatives.addBodyPart(html);
        if (mail.calendar() != null) {
            // Inline text/calendar lets mail programs show accept/decline; the attachment is for everyone else.
            var inline = new MimeBodyPart();
            inline.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.calendar().getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + mail.calendarMethod())));
            alternatives.addBodyPart(inline);
        }
        var body = new MimeBodyPart();
        body.setContent(alternatives);
        var mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        if (mail.calendar() != null) {
            var ics = new MimeBodyPart();
            ics.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.calendar().getBytes(StandardCharsets.UTF_8),
                    "application/ics")));
            ics.setFileName(mail.calendarMethod().equals("CANCEL") ? "cancel.ics" : "invite.ics");
            mixed.addBodyPart(ics);
        }
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    static Session session(Properties props) { return Session.getInstance(props); }
}
