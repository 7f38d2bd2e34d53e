package org.balintcompanion.zoom.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.Admitted;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.JoinedWaitingRoom;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.LeftWaitingRoom;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.MeetingEnded;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.MeetingStarted;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.ParticipantJoined;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.ParticipantLeft;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.PutInWaitingRoom;

/**
 * Reads the webhook envelope {@code {event, event_ts, payload: {account_id, object}}} into a presence event. Only the
 * fields presence needs are read; for any other event (chat included) nothing beyond the event name is looked at.
 */
final class WebhookParser {

    private final ObjectMapper json;

    WebhookParser(ObjectMapper json) {
        this.json = json;
    }

    sealed interface Parsed {
        record UrlValidationRequest(String plainToken) implements Parsed {
        }

        record Event(ZoomPresenceEvent event) implements Parsed {
        }

        record Other(String eventName) implements Parsed {
        }

        record Unreadable(String problem) implements Parsed {
        }
    }

    Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            return new Parsed.Unreadable("the body is not JSON");
        }
        if (root == null || !root.isObject() || !root.path("event").isTextual()) {
            return new Parsed.Unreadable("no event name");
        }
        String event = root.path("event").asText();
        if (event.equals(ZoomWebhooks.URL_VALIDATION)) {
            String plainToken = root.path("payload").path("plainToken").asText("");
            return plainToken.isEmpty() ? new Parsed.Unreadable("url_validation without plainToken")
                    : new Parsed.UrlValidationRequest(plainToken);
        }
        if (!ZoomWebhooks.PRESENCE_EVENTS.contains(event)) {
            return new Parsed.Other(event);
        }
        if (!root.path("event_ts").canConvertToLong()) {
            return new Parsed.Unreadable(event + " without event_ts");
        }
        Instant eventTs = Instant.ofEpochMilli(root.path("event_ts").asLong());
        JsonNode object = root.path("payload").path("object");
        // The meeting id is a string in these events and a number in others; accept both.
        Optional<Long> id = meetingId(object.path("id"));
        if (id.isEmpty()) {
            return new Parsed.Unreadable(event + " without a numeric meeting id");
        }
        MeetingRef meeting = new MeetingRef(id.get(), text(object, "uuid"));
        if (event.equals(ZoomWebhooks.MEETING_STARTED)) {
            return new Parsed.Event(new MeetingStarted(meeting, eventTs));
        }
        if (event.equals(ZoomWebhooks.MEETING_ENDED)) {
            return new Parsed.Event(new MeetingEnded(meeting, eventTs));
        }
        JsonNode person = object.path("participant");
        if (!person.isObject()) {
            return new Parsed.Unreadable(event + " without a participant");
        }
        ZoomParticipant participant = participant(person);
        return new Parsed.Event(switch (event) {
            case ZoomWebhooks.PARTICIPANT_JOINED -> new ParticipantJoined(meeting, participant, eventTs);
            case ZoomWebhooks.PARTICIPANT_LEFT ->
                    new ParticipantLeft(meeting, participant, eventTs, text(person, "leave_reason"));
            case ZoomWebhooks.PARTICIPANT_JOINED_WAITING_ROOM -> new JoinedWaitingRoom(meeting, participant, eventTs);
            case ZoomWebhooks.PARTICIPANT_LEFT_WAITING_ROOM -> new LeftWaitingRoom(meeting, participant, eventTs);
            case ZoomWebhooks.PARTICIPANT_ADMITTED -> new Admitted(meeting, participant, eventTs);
            case ZoomWebhooks.PARTICIPANT_PUT_IN_WAITING_ROOM -> new PutInWaitingRoom(meeting, participant, eventTs);
            default -> throw new IllegalStateException("presence event without a parser: " + event);
        });
    }

    private static ZoomParticipant participant(JsonNode person) {
        // The schema says join_time; Zoom's own example sends date_time; leaving sends leave_time.
        Optional<Instant> at = time(person, "leave_time").or(() -> time(person, "join_time"))
                .or(() -> time(person, "date_time"));
        return new ZoomParticipant(text(person, "user_id"), text(person, "user_name"),
                text(person, "participant_uuid"), optional(person, "registrant_id"), optional(person, "email"),
                optional(person, "participant_user_id"), at);
    }

    private static Optional<Long> meetingId(JsonNode id) {
        if (id.isIntegralNumber()) {
            return Optional.of(id.asLong());
        }
        if (id.isTextual()) {
            try {
                return Optional.of(Long.parseLong(id.asText().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static Optional<String> optional(JsonNode node, String field) {
        String value = text(node, field).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Instant> time(JsonNode node, String field) {
        String value = text(node, field);
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
