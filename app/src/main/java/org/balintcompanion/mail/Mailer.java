package org.balintcompanion.mail;

/** Sends one message or says why it could not. */
public interface Mailer {
    /** @return where the message went (a message id or an outbox file), for the record */
    String send(OutgoingMail mail, String jobId) throws MailFailure;

    /** A send that failed; the scheduler retries with backoff and finally shows the reason to the admin. */
    final class MailFailure extends Exception {
        public MailFailure(String message, Throwable cause) { super(message, cause); }
    }
}
