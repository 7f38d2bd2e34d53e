package org.balintcompanion.zoom;

import static org.balintcompanion.zoom.support.Plans.BALINT;
import static org.balintcompanion.zoom.support.Plans.HOST;
import static org.balintcompanion.zoom.support.Plans.TUESDAY_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import org.balintcompanion.zoom.SecurityPreset.CountryRule;
import org.balintcompanion.zoom.support.Examples;
import org.balintcompanion.zoom.support.FakeZoom;
import org.balintcompanion.zoom.support.ZoomHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CreateMeetingTest {

    private final ZoomHarness harness = new ZoomHarness();
    private final ZoomMeetings zoom = harness.zoom;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void createSendsThePresetWithWaitingRoomAndPasscode() {
        zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT);

        FakeZoom.Seen create = harness.fake.apiRequests().getFirst();
        assertEquals("POST", create.method());
        assertEquals("/v2/users/leader@example.org/meetings", create.path());
        assertEquals("Bearer token-1", create.authorization());
        assertTrue(create.contentType().startsWith("application/json"), create.contentType());
        assertEquals(Examples.parse("""
                {
                  "topic": "Balint group Tuesday",
                  "type": 2,
                  "start_time": "2030-03-05T18:30:00Z",
                  "duration": 90,
                  "timezone": "Europe/Paris",
                  "agenda": "Case discussion",
                  "password": "Tp4xKq9wZm",
                  "settings": {
                    "waiting_room": true,
                    "join_before_host": false,
                    "mute_upon_entry": true,
                    "auto_recording": "none",
                    "participant_video": true,
                    "meeting_authentication": false,
                    "encryption_type": "enhanced_encryption",
                    "alternative_hosts": "co-leader@example.org",
                    "focus_mode": false,
                    "approved_or_denied_countries_or_regions": {"enable": false},
                    "approval_type": 0,
                    "auto_start_meeting_summary": false,
                    "auto_start_ai_companion_questions": false
                  }
                }"""), Examples.parse(create.body()));
    }

    @Test
    void createReturnsTheMeetingZoomAnswered() {
        ZoomMeeting meeting = zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT);

        assertEquals(FakeZoom.FIRST_MEETING_ID, meeting.id());
        assertEquals("Balint group Tuesday", meeting.topic());
        assertEquals(Optional.of(TUESDAY_GROUP.start()), meeting.start());
        assertEquals(Duration.ofMinutes(90), meeting.duration());
        assertEquals(URI.create("https://example.com/j/92674392836?pwd=encrypted"), meeting.joinUrl());
        assertEquals(Optional.of(ZoomHarness.PASSCODE), meeting.passcode());
        assertEquals(1, harness.fake.meetingCount() - 1, "one meeting besides the spec's example");
    }

    @Test
    void meetingTextShowsNeitherPasscodeNorJoinUrl() {
        ZoomMeeting meeting = zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT);

        String text = meeting.toString();
        assertFalse(text.contains(ZoomHarness.PASSCODE), text);
        assertFalse(text.contains("pwd="), text);
        assertTrue(text.contains("92674392836"), text);
    }

    @Test
    void countriesAndDataCentreRegionsAreSentWhenThePresetNamesThem() {
        SecurityPreset preset = BALINT.withCountries(new CountryRule.OnlyFrom(Set.of("fr", "DE", "BE")))
                .withAdditionalDataCenterRegions(List.of("DE"));

        zoom.createSecureMeeting(HOST, TUESDAY_GROUP, preset);

        var settings = Examples.parse(harness.fake.apiRequests().getFirst().body()).get("settings");
        assertEquals(Examples.parse("""
                {"enable": true, "method": "approve", "approved_list": ["BE", "DE", "FR"]}"""),
                settings.get("approved_or_denied_countries_or_regions"));
        assertEquals(Examples.parse("[\"DE\"]"), settings.get("additional_data_center_regions"));
    }

    @Test
    void aPresetWithoutPasscodeSendsNone() {
        ZoomMeeting meeting = zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT.withPasscode(false));

        assertFalse(Examples.parse(harness.fake.apiRequests().getFirst().body()).has("password"));
        assertEquals(Optional.empty(), meeting.passcode());
    }

    @Test
    void zoomRefusingTheMeetingBecomesRefusedWithZoomsOwnWords() {
        harness.fake.script("POST /v2/users/leader@example.org/meetings", new MockResponse().setResponseCode(400)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"password\","
                        + "\"message\":\"Password must contain a special character.\"}]}"));

        ZoomFailure.Refused refused = assertThrows(ZoomFailure.Refused.class,
                () -> zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT));

        assertEquals(400, refused.httpStatus());
        assertEquals(Optional.of(300), refused.zoomCode());
        assertEquals("Zoom refused to create the meeting \"Balint group Tuesday\" (HTTP 400): Validation Failed. "
                + "(Zoom code 300); password: Password must contain a special character.", refused.getMessage());
        assertFalse(refused.getMessage().contains(ZoomHarness.PASSCODE));
        assertEquals(1, harness.fake.requests("POST /v2/users/leader@example.org/meetings").size());
    }

    @Test
    void startTimesAreSentInUtcWithWholeSeconds() {
        MeetingPlan plan = new MeetingPlan("Late group",
                ZonedDateTime.parse("2030-07-01T20:15:42.999+02:00[Europe/Paris]"), Duration.ofMinutes(60));

        zoom.createSecureMeeting(HOST, plan, BALINT);

        var body = Examples.parse(harness.fake.apiRequests().getFirst().body());
        assertEquals("2030-07-01T18:15:42Z", body.get("start_time").asText());
        assertEquals("Europe/Paris", body.get("timezone").asText());
        assertFalse(body.has("agenda"));
    }
}
