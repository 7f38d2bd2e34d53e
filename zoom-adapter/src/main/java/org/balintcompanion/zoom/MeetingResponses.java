package org.balintcompanion.zoom;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.balintcompanion.zoom.generated.model.Meeting200Response;
import org.balintcompanion.zoom.generated.model.MeetingCreate201Response;
import org.balintcompanion.zoom.generated.model.MeetingRegistrantCreate201Response;
import org.balintcompanion.zoom.generated.model.RegistrationList;
import org.balintcompanion.zoom.generated.model.RegistrationListRegistrantsInner;

/** Turns the generated answer models into the facade's records; nothing generated gets past this class. */
final class MeetingResponses {

    private MeetingResponses() {
    }

    static ZoomMeeting created(MeetingCreate201Response zoom) {
        return meeting(zoom.getId(), zoom.getTopic(), zoom.getStartTime(), zoom.getTimezone(), zoom.getDuration(),
                zoom.getJoinUrl(), zoom.getPassword());
    }

    static ZoomMeeting found(Meeting200Response zoom) {
        return meeting(zoom.getId(), zoom.getTopic(), zoom.getStartTime(), zoom.getTimezone(), zoom.getDuration(),
                zoom.getJoinUrl(), zoom.getPassword());
    }

    static ZoomRegistrant registered(MeetingRegistrantCreate201Response zoom, Registrant asked) {
        return new ZoomRegistrant(zoom.getRegistrantId(), asked.email(), asked.firstName(), asked.lastName(),
                uri(zoom.getJoinUrl()));
    }

    static List<ZoomRegistrant> registrants(RegistrationList page) {
        List<ZoomRegistrant> registrants = new ArrayList<>();
        if (page.getRegistrants() != null) {
            for (RegistrationListRegistrantsInner zoom : page.getRegistrants()) {
                registrants.add(new ZoomRegistrant(zoom.getId(), zoom.getEmail(), zoom.getFirstName(),
                        zoom.getLastName(), uri(zoom.getJoinUrl())));
            }
        }
        return registrants;
    }

    /** The caller has checked that Zoom gave an id. */
    private static ZoomMeeting meeting(long id, String topic, OffsetDateTime start, String timezone,
                                       Integer duration, String joinUrl, String password) {
        ZoneId zone = zone(timezone);
        // Zoom's documented join link form, should an answer ever lack join_url.
        URI join = uri(joinUrl).orElse(URI.create("https://zoom.us/j/" + id));
        return new ZoomMeeting(id, topic == null ? "" : topic,
                Optional.ofNullable(start).map(s -> s.atZoneSameInstant(zone)),
                Duration.ofMinutes(duration == null ? 0 : duration), join,
                Optional.ofNullable(password).filter(p -> !p.isBlank()));
    }

    private static ZoneId zone(String timezone) {
        try {
            return timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static Optional<URI> uri(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
