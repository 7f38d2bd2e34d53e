package org.balintcompanion.zoom.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.balintcompanion.zoom.support.Examples;
import org.balintcompanion.zoom.webhook.WebhookParser.Parsed;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.ParticipantEvent;
import org.balintcompanion.zoom.webhook.ZoomPresenceEvent.Presence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WebhookParserTest {

    private static final MeetingRef EXAMPLE_MEETING = new MeetingRef(1234567890L, "4444AAAiAAAAAiAiAiiAii==");
    private static final Instant EXAMPLE_TS = Instant.ofEpochMilli(1626230691572L);

    private final WebhookParser parser = new WebhookParser(new ObjectMapper());

    @ParameterizedTest
    @CsvSource({
        "participant_joined,              ParticipantJoined, IN_MEETING",
        "participant_left,                ParticipantLeft,   LEFT_MEETING",
        "participant_joined_waiting_room, JoinedWaitingRoom, IN_WAITING_ROOM",
        "participant_left_waiting_room,   LeftWaitingRoom,   LEFT_WAITING_ROOM",
        "participant_admitted,            Admitted,          IN_MEETING",
        "participant_put_in_waiting_room, PutInWaitingRoom,  IN_WAITING_ROOM"})
    void everyParticipantEventIsReadFromZoomsExample(String example, String type, Presence presence) {
        ZoomPresenceEvent event = event("webhook-" + example + ".json");

        assertEquals(type, event.getClass().getSimpleName());
        assertEquals("meeting." + example, event.eventName());
        assertEquals(EXAMPLE_MEETING, event.meeting());
        assertEquals(EXAMPLE_TS, event.eventTs());
        ParticipantEvent about = assertInstanceOf(ParticipantEvent.class, event);
        assertEquals(presence, about.presence());
        ZoomParticipant participant = about.participant();
        assertEquals(Optional.of("abcdefghij0-klmnopq23456"), participant.registrantId());
        assertEquals(Optional.of("jchill@example.com"), participant.email());
        assertEquals("Jill Chill", participant.userName());
        assertEquals("1234567890", participant.userId());
        assertEquals("55555AAAiAAAAAiAiAiiAii", participant.participantUuid());
        assertEquals("uuid:55555AAAiAAAAAiAiAiiAii", participant.identity());
    }

    @Test
    void meetingStartAndEndAreRead() {
        assertEquals(new ZoomPresenceEvent.MeetingStarted(EXAMPLE_MEETING, EXAMPLE_TS),
                event("webhook-started.json"));
        assertEquals(new ZoomPresenceEvent.MeetingEnded(EXAMPLE_MEETING, EXAMPLE_TS), event("webhook-ended.json"));
    }

    @Test
    void zoomsExampleSendsDateTimeWhereTheSchemaSaysJoinTimeAndBothAreRead() {
        ParticipantEvent fromExample = (ParticipantEvent) event("webhook-participant_joined.json");
        ParticipantEvent fromSchema = (ParticipantEvent) event(Examples.bytes("webhook-participant_joined.json"),
                "\"date_time\"", "\"join_time\"");

        assertEquals(Optional.of(Instant.parse("2021-07-13T21:44:51Z")), fromExample.participant().at());
        assertEquals(Optional.of(Instant.parse("2021-07-13T21:44:51Z")), fromSchema.participant().at());
    }

    @Test
    void leavingCarriesZoomsReason() {
        var left = (ZoomPresenceEvent.ParticipantLeft) event("webhook-participant_left.json");

        assertEquals("Jill Chill left the meeting.<br>Reason: Host ended the meeting.", left.leaveReason());
        assertEquals(Optional.of(Instant.parse("2021-07-13T22:50:51Z")), left.participant().at());
    }

    @Test
    void emptyEmailAndRegistrantIdOfAGuestAreAbsent() {
        ParticipantEvent guest = (ParticipantEvent) event(Examples.bytes("webhook-participant_joined.json"),
                "\"jchill@example.com\"", "\"\"", "\"abcdefghij0-klmnopq23456\"", "\"\"");

        assertEquals(Optional.empty(), guest.participant().email());
        assertEquals(Optional.empty(), guest.participant().registrantId());
    }

    @Test
    void aNumericMeetingIdIsAcceptedToo() {
        ZoomPresenceEvent started = event(Examples.bytes("webhook-started.json"), "\"1234567890\"", "1234567890");

        assertEquals(1234567890L, started.meeting().id());
    }

    @Test
    void chatMessagesAreNotRead() {
        assertEquals(new Parsed.Other("meeting.chat_message_sent"),
                parser.parse(Examples.bytes("webhook-chat_message_sent.json")));
    }

    @Test
    void bodiesWithoutWhatPresenceNeedsAreUnreadable() {
        assertInstanceOf(Parsed.Unreadable.class, parser.parse("not json".getBytes(UTF_8)));
        assertInstanceOf(Parsed.Unreadable.class, parser.parse("{\"event\":\"meeting.started\"}".getBytes(UTF_8)));
        assertInstanceOf(Parsed.Unreadable.class, parser.parse(("{\"event\":\"meeting.participant_joined\","
                + "\"event_ts\":1,\"payload\":{\"object\":{\"id\":\"abc\"}}}").getBytes(UTF_8)));
    }

    @Test
    void urlValidationCarriesThePlainToken() {
        assertEquals(new Parsed.UrlValidationRequest("qgg8vlvZRS6UYooatFL8Aw"), parser.parse(
                "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1654503849680,\"event\":\"endpoint.url_validation\"}"
                        .getBytes(UTF_8)));
    }

    private ZoomPresenceEvent event(String example) {
        return event(Examples.bytes(example));
    }

    private ZoomPresenceEvent event(byte[] body, String... replacements) {
        String text = new String(body, UTF_8);
        for (int i = 0; i < replacements.length; i += 2) {
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return assertInstanceOf(Parsed.Event.class, parser.parse(text.getBytes(UTF_8))).event();
    }
}
