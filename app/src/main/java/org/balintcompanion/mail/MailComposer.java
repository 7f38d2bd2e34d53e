package org.balintcompanion.mail;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes invitations, reminders and cancellations in the person's language (French or English), with the time in
 * their own zone and in the group's, as plain text and HTML. Messages carry connection details and links only:
 * nothing about any case.
 */
final class MailComposer {
    enum Kind { INVITATION, REMINDER, LAST_CALL, CANCELLATION }

    /** Everything one message needs. {@code zoomJoinUrl} and {@code passcode} are null before the Zoom meeting exists. */
    record Facts(Kind kind, boolean updated, String meetingId, int sequence, String groupName, Instant start,
                 Duration length, ZoneId groupZone, String personName, String personEmail, String language, ZoneId personZone,
                 String zoomJoinUrl, String passcode, URI panelLink, URI techCheck, URI rsvpYes, URI rsvpNo) {}

    private final CalendarFiles calendars;

    MailComposer(CalendarFiles calendars) { this.calendars = calendars; }

    OutgoingMail compose(Facts f) {
        boolean fr = "fr".equals(f.language());
        Locale locale = fr ? Locale.FRENCH : Locale.ENGLISH;
        ZonedDateTime groupStart = f.start().atZone(f.groupZone());
        String when = when(groupStart, f.length(), locale, fr);
        String subject = subject(f, fr, groupStart, locale);
        var lines = new ArrayList<String>();
        lines.add((fr ? "Bonjour " : "Hello ") + f.personName() + ",");
        lines.add("");
        lines.add(opening(f, fr) + " " + when + " (" + zoneLabel(f.groupZone(), fr) + ").");
        if (!f.personZone().equals(f.groupZone())) {
            lines.add((fr ? "Chez vous : " : "Your local time: ") + when(f.start().atZone(f.personZone()), f.length(), locale, fr)
                    + " (" + zoneLabel(f.personZone(), fr) + ").");
        }
        var links = new ArrayList<String[]>();
        if (f.kind() != Kind.CANCELLATION) {
            if (f.zoomJoinUrl() != null) {
                links.add(new String[] {fr ? "Rejoindre la réunion Zoom" : "Join the Zoom meeting", f.zoomJoinUrl()});
            }
            links.add(new String[] {fr ? "Votre panneau de séance (tours de parole)" : "Your meeting panel (speaking turns)", f.panelLink().toString()});
            links.add(new String[] {fr ? "Tester votre caméra et votre micro" : "Test your camera and microphone", f.techCheck().toString()});
            links.add(new String[] {fr ? "Je viendrai" : "I'll come", f.rsvpYes().toString()});
            links.add(new String[] {fr ? "Je ne pourrai pas venir" : "I can't come", f.rsvpNo().toString()});
        }
        lines.add("");
        if (f.kind() != Kind.CANCELLATION && f.zoomJoinUrl() == null) {
            lines.add(fr ? "Le lien Zoom vous sera communiqué par les leaders du groupe." : "The leaders will send the Zoom link.");
        }
        if (f.passcode() != null && f.kind() != Kind.CANCELLATION) lines.add((fr ? "Code secret Zoom : " : "Zoom passcode: ") + f.passcode());
        for (String[] l : links) lines.add(l[0] + " : " + l[1]);
        lines.add("");
        if (f.kind() != Kind.CANCELLATION) {
            lines.add(fr ? "Merci de répondre pour chaque séance ; vous pouvez changer d’avis jusqu’au début."
                    : "Please answer for every meeting; you can change your answer until it starts.");
            lines.add(fr ? "Connectez-vous quelques minutes en avance, seul·e dans une pièce fermée, avec un casque."
                    : "Join a few minutes early, alone in a closed room, with headphones.");
        }
        lines.add("");
        lines.add(fr ? "— Balint Companion (ce message ne contient rien de ce qui se dit en séance)"
                : "— Balint Companion (this message holds nothing of what is said in meetings)");
        String text = String.join("\n", lines);
        String html = html(lines, links);
        String calendar = f.kind() == Kind.CANCELLATION
                ? calendars.cancel(f.meetingId(), f.sequence(), f.groupName(), groupStart, f.length(), f.personEmail())
                : f.kind() == Kind.INVITATION
                ? calendars.request(f.meetingId(), f.sequence(), f.groupName(), groupStart, f.length(), calendarText(f, fr),
                        f.personEmail(), f.panelLink())
                : null;
        String method = calendar == null ? null : f.kind() == Kind.CANCELLATION ? "CANCEL" : "REQUEST";
        return new OutgoingMail(f.personEmail(), subject, text, html, calendar, method);
    }

    private static String subject(Facts f, boolean fr, ZonedDateTime groupStart, Locale locale) {
        String date = DateTimeFormatter.ofPattern(fr ? "EEEE d MMMM yyyy" : "EEEE d MMMM yyyy", locale).format(groupStart);
        return switch (f.kind()) {
            case INVITATION -> (f.updated() ? (fr ? "Modifié : " : "Changed: ") : (fr ? "Invitation : " : "Invitation: "))
                    + f.groupName() + " — " + date;
            case REMINDER -> (fr ? "Pouvez-vous répondre ? " : "Can you answer? ") + f.groupName() + " — " + date;
            case LAST_CALL -> (fr ? "Bientôt : " : "Soon: ") + f.groupName() + " — " + time(groupStart, locale, fr);
            case CANCELLATION -> (fr ? "Annulé : " : "Cancelled: ") + f.groupName() + " — " + date;
        };
    }

    private static String opening(Facts f, boolean fr) {
        return switch (f.kind()) {
            case INVITATION -> f.updated()
                    ? (fr ? "La séance du groupe « " + f.groupName() + " » a changé : elle aura lieu le" : "The meeting of \"" + f.groupName() + "\" has changed: it is on")
                    : (fr ? "Vous êtes invité·e à la séance du groupe « " + f.groupName() + " » le" : "You are invited to the meeting of \"" + f.groupName() + "\" on");
            case REMINDER -> fr ? "Nous n’avons pas encore votre réponse pour la séance du" : "We do not have your answer yet for the meeting on";
            case LAST_CALL -> fr ? "La séance commence bientôt :" : "The meeting starts soon:";
            case CANCELLATION -> fr ? "La séance est annulée :" : "The meeting is cancelled:";
        };
    }

    private static String calendarText(Facts f, boolean fr) {
        var out = new ArrayList<String>();
        if (f.zoomJoinUrl() != null) out.add("Zoom: " + f.zoomJoinUrl());
        if (f.passcode() != null) out.add((fr ? "Code secret : " : "Passcode: ") + f.passcode());
        out.add((fr ? "Panneau de séance : " : "Meeting panel: ") + f.panelLink());
        return String.join("\n", out);
    }

    static String when(ZonedDateTime start, Duration length, Locale locale, boolean fr) {
        String day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(start);
        return day + (fr ? ", de " : ", ") + time(start, locale, fr) + (fr ? " à " : " to ") + time(start.plus(length), locale, fr);
    }

    private static String time(ZonedDateTime t, Locale locale, boolean fr) {
        return DateTimeFormatter.ofPattern(fr ? "HH:mm" : "h:mm a", locale).format(t);
    }

    /** "heure de Paris", "Montreal time": the city people know, not the zone's id. */
    static String zoneLabel(ZoneId zone, boolean fr) {
        String id = zone.getId();
        String city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
        return fr ? "heure de " + city : city + " time";
    }

    /** "mardi 2 mars 2027 à 19:30 (heure de Paris)": when a meeting starts, in one person's language and zone. */
    static String startsAt(Instant start, ZoneId zone, boolean fr) {
        Locale locale = fr ? Locale.FRENCH : Locale.ENGLISH;
        ZonedDateTime at = start.atZone(zone);
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(at) + (fr ? " à " : " at ")
                + time(at, locale, fr) + " (" + zoneLabel(zone, fr) + ")";
    }

    private static String html(List<String> lines, List<String[]> links) {
        var b = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif;font-size:16px;line-height:1.5\">");
        for (String line : lines) {
            boolean isLink = links.stream().anyMatch(l -> line.equals(l[0] + " : " + l[1]));
            if (isLink) continue;
            b.append(line.isEmpty() ? "<br>" : "<p>" + escape(line) + "</p>");
        }
        b.append("<ul>");
        for (String[] l : links) b.append("<li><a href=\"").append(escape(l[1])).append("\">").append(escape(l[0])).append("</a></li>");
        b.append("</ul></body></html>");
        return b.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
