package org.balintcompanion.mail;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

/**
 * iCalendar files (ical4j) for invitations: the event in the group's own time zone with its VTIMEZONE, a UID that
 * stays the same for a meeting across every update, SEQUENCE raised when it moves, METHOD:CANCEL when cancelled.
 */
final class CalendarFiles {
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final String organizer;

    CalendarFiles(String organizerEmail) { this.organizer = organizerEmail; }

    static String uid(String meetingId) { return meetingId + "@balint-companion"; }

    String request(String meetingId, int sequence, String title, ZonedDateTime start, Duration length, String description,
                   String attendeeEmail, URI url) {
        VEvent event = event(meetingId, sequence, title, start, length, attendeeEmail);
        event.add(new Description(description));
        if (url != null) event.add(new Url(url));
        return calendar(start.getZone(), event, ImmutableMethod.REQUEST).toString();
    }

    String cancel(String meetingId, int sequence, String title, ZonedDateTime start, Duration length, String attendeeEmail) {
        VEvent event = event(meetingId, sequence, title, start, length, attendeeEmail);
        event.add(ImmutableStatus.VEVENT_CANCELLED);
        return calendar(start.getZone(), event, ImmutableMethod.CANCEL).toString();
    }

    private VEvent event(String meetingId, int sequence, String title, ZonedDateTime start, Duration length, String attendee) {
        VEvent event = new VEvent(start, length, title);
        event.add(new Uid(uid(meetingId)));
        event.add(new Sequence(sequence));
        event.add(new Organizer(URI.create("mailto:" + organizer)));
        event.add(new Attendee(URI.create("mailto:" + attendee)));
        return event;
    }

    private Calendar calendar(ZoneId zone, VEvent event, net.fortuna.ical4j.model.property.Method method) {
        Calendar c = new Calendar().withProdId("-//Balint Companion//Invitations//FR").withDefaults()
                .withComponent(zones.getTimeZone(zone.getId()).getVTimeZone()).withComponent(event).getFluentTarget();
        c.add(method);
        return c;
    }
}
