package org.balintcompanion.mail;

import java.util.Objects;

/**
 * One message, ready to go: plain text and HTML alternatives and, for invitations, an iCalendar file.
 * {@code calendarMethod} is REQUEST or CANCEL; both calendar fields are null when there is no calendar.
 */
public record OutgoingMail(String to, String subject, String text, String html, String calendar, String calendarMethod) {
    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    @Override public String toString() { return "OutgoingMail[to=" + to + ", subject=" + subject + "]"; }
}
