package org.balintcompanion.metrics;

import org.balintcompanion.mail.Mailer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountedMailerTest {
    @Test void sentAndRefusedMessagesAreCountedApart() throws Exception {
        var metrics = new Metrics();
        Mailer accepting = (mail, job) -> "message-id-" + job;
        Mailer refusing = (mail, job) -> { throw new Mailer.MailFailure("550 mailbox unavailable", null); };

        assertEquals("message-id-j1", new CountedMailer(accepting, metrics).send(null, "j1"));
        new CountedMailer(accepting, metrics).send(null, "j2");
        assertThrows(Mailer.MailFailure.class, () -> new CountedMailer(refusing, metrics).send(null, "j3"));

        String scrape = metrics.scrape();
        assertTrue(scrape.contains("balint_mail_total{outcome=\"sent\"} 2.0"), scrape);
        assertTrue(scrape.contains("balint_mail_total{outcome=\"failed\"} 1.0"), scrape);
    }
}
