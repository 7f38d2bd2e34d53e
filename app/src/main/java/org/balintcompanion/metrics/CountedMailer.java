package org.balintcompanion.metrics;

import org.balintcompanion.mail.Mailer;
import org.balintcompanion.mail.OutgoingMail;

/** Counts each message sent or refused by the mailer it wraps, for the mail panel of a dashboard. */
public final class CountedMailer implements Mailer {
    private final Mailer mailer;
    private final Metrics metrics;

    public CountedMailer(Mailer mailer, Metrics metrics) {
        this.mailer = mailer;
        this.metrics = metrics;
    }

    @Override public String send(OutgoingMail mail, String jobId) throws MailFailure {
        try {
            String where = mailer.send(mail, jobId);
            metrics.mail("sent");
            return where;
        } catch (MailFailure | RuntimeException e) {
            metrics.mail("failed");
            throw e;
        }
    }
}
