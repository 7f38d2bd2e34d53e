package org.balintcompanion.zoom;

import static org.balintcompanion.zoom.support.Plans.BALINT;
import static org.balintcompanion.zoom.support.Plans.CO_LEADER;
import static org.balintcompanion.zoom.support.Plans.TUESDAY_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.balintcompanion.zoom.SecurityPreset.HostSettings;
import org.balintcompanion.zoom.SecurityPreset.ScreenSharing;
import org.balintcompanion.zoom.support.Examples;
import org.balintcompanion.zoom.support.FakeZoom;
import org.balintcompanion.zoom.support.ZoomHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MeetingOperationsTest {

    private static final long EXAMPLE = FakeZoom.EXAMPLE_MEETING_ID;

    private final ZoomHarness harness = new ZoomHarness();
    private final ZoomMeetings zoom = harness.zoom;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void getReadsZoomsExampleMeeting() {
        ZoomMeeting meeting = zoom.getMeeting(EXAMPLE);

        FakeZoom.Seen get = harness.fake.apiRequests().getFirst();
        assertEquals("GET /v2/meetings/97763643886", get.route());
        assertEquals("Bearer token-1", get.authorization());
        assertEquals(EXAMPLE, meeting.id());
        assertEquals("My Meeting", meeting.topic());
        assertEquals(Instant.parse("2022-03-25T07:29:29Z"), meeting.start().orElseThrow().toInstant());
        assertEquals(ZoneId.of("America/Los_Angeles"), meeting.start().orElseThrow().getZone());
        assertEquals(Duration.ofMinutes(60), meeting.duration());
        assertEquals(URI.create("https://example.com/j/11111"), meeting.joinUrl());
        assertEquals(Optional.of("123456"), meeting.passcode());
    }

    @Test
    void updateOfTheTopicSendsOnlyTheTopic() {
        zoom.updateMeeting(EXAMPLE, MeetingUpdate.NONE.withTopic("Balint group Thursday"));

        FakeZoom.Seen patch = harness.fake.apiRequests().getFirst();
        assertEquals("PATCH /v2/meetings/97763643886", patch.route());
        assertEquals(Examples.parse("{\"topic\": \"Balint group Thursday\"}"), Examples.parse(patch.body()));
    }

    @Test
    void updateBetweenPlansSendsOnlyWhatChanged() {
        MeetingPlan later = new MeetingPlan(TUESDAY_GROUP.topic(), TUESDAY_GROUP.start().plusWeeks(1),
                TUESDAY_GROUP.duration(), TUESDAY_GROUP.zone(), null);

        zoom.updateMeeting(EXAMPLE, MeetingUpdate.between(TUESDAY_GROUP, later));

        assertEquals(Examples.parse("{\"start_time\": \"2030-03-12T18:30:00Z\", \"agenda\": \"\"}"),
                Examples.parse(harness.fake.apiRequests().getFirst().body()));
    }

    @Test
    void updateBetweenPresetsSendsOnlyTheChangedSettings() {
        SecurityPreset stricter = BALINT.withMeetingAuthentication(true)
                .withAlternativeHosts(List.of(CO_LEADER, "second@example.org"));

        zoom.updateMeeting(EXAMPLE, MeetingUpdate.between(BALINT, stricter));

        assertEquals(Examples.parse("""
                {"settings": {"meeting_authentication": true,
                              "alternative_hosts": "co-leader@example.org;second@example.org"}}"""),
                Examples.parse(harness.fake.apiRequests().getFirst().body()));
    }

    @Test
    void removingTheLastAlternativeHostClearsIt() {
        zoom.updateMeeting(EXAMPLE, MeetingUpdate.between(BALINT, BALINT.withAlternativeHosts(List.of())));

        assertEquals(Examples.parse("{\"settings\": {\"alternative_hosts\": \"\"}}"),
                Examples.parse(harness.fake.apiRequests().getFirst().body()));
    }

    @Test
    void turningThePasscodeOnSendsANewPasscodeAndNothingElse() {
        zoom.updateMeeting(EXAMPLE, MeetingUpdate.between(BALINT.withPasscode(false), BALINT));

        assertEquals(Examples.parse("{\"password\": \"Tp4xKq9wZm\"}"),
                Examples.parse(harness.fake.apiRequests().getFirst().body()));
    }

    @Test
    void reapplyingAPresetSendsEveryMeetingSettingButNoPasscode() {
        zoom.updateMeeting(EXAMPLE, MeetingUpdate.reapplying(BALINT));

        var body = Examples.parse(harness.fake.apiRequests().getFirst().body());
        assertFalse(body.has("password"));
        assertEquals(13, body.get("settings").size(), body.toString());
        assertTrue(body.get("settings").get("waiting_room").asBoolean());
    }

    @Test
    void anUpdateWithNothingForZoomSendsNoRequest() {
        zoom.updateMeeting(EXAMPLE, MeetingUpdate.NONE);
        zoom.updateMeeting(EXAMPLE, MeetingUpdate.between(BALINT, BALINT));
        zoom.updateMeeting(EXAMPLE, MeetingUpdate.between(BALINT,
                BALINT.withHost(new HostSettings(true, false, ScreenSharing.EVERYONE))));
        zoom.updateMeeting(EXAMPLE, MeetingUpdate.between(TUESDAY_GROUP, TUESDAY_GROUP));

        assertEquals(List.of(), harness.fake.apiRequests());
    }

    @Test
    void updateAndGetAgreeThroughTheFake() {
        zoom.updateMeeting(EXAMPLE, MeetingUpdate.NONE.withTopic("Renamed").withDuration(Duration.ofMinutes(75)));

        ZoomMeeting meeting = zoom.getMeeting(EXAMPLE);
        assertEquals("Renamed", meeting.topic());
        assertEquals(Duration.ofMinutes(75), meeting.duration());
    }

    @Test
    void deleteSendsDeleteAndTheMeetingIsGone() {
        zoom.deleteMeeting(EXAMPLE);

        assertEquals("DELETE /v2/meetings/97763643886", harness.fake.apiRequests().getFirst().route());
        assertFalse(harness.fake.hasMeeting(EXAMPLE));
        ZoomFailure.NotFound gone = assertThrows(ZoomFailure.NotFound.class, () -> zoom.getMeeting(EXAMPLE));
        assertEquals(Optional.of(3001), gone.zoomCode());
        assertEquals("Zoom could not read meeting 97763643886: not found: Meeting does not exist: 97763643886. "
                + "(Zoom code 3001).", gone.getMessage());
    }

    @Test
    void endSendsTheEndActionToTheStatusPath() {
        zoom.endMeeting(EXAMPLE);

        FakeZoom.Seen end = harness.fake.apiRequests().getFirst();
        assertEquals("PUT /v2/meetings/97763643886/status", end.route());
        assertEquals(Examples.parse("{\"action\": \"end\"}"), Examples.parse(end.body()));
    }

    @Test
    void addRegistrantSendsTheMemberAndReturnsTheRegistrantId() {
        ZoomRegistrant registrant = zoom.addRegistrant(EXAMPLE, new Registrant("anna@example.org", "Anna", "Berg"));

        FakeZoom.Seen post = harness.fake.apiRequests().getFirst();
        assertEquals("POST /v2/meetings/97763643886/registrants", post.route());
        assertEquals(Examples.parse("{\"email\": \"anna@example.org\", \"first_name\": \"Anna\", \"last_name\": \"Berg\"}"),
                Examples.parse(post.body()));
        assertEquals("registrant-1", registrant.registrantId());
        assertEquals("anna@example.org", registrant.email());
        assertTrue(registrant.joinUrl().isPresent());
        assertFalse(registrant.toString().contains("tk="), registrant.toString());
    }

    @Test
    void listRegistrantsFollowsEveryPage() {
        zoom.addRegistrant(EXAMPLE, new Registrant("anna@example.org", "Anna", null));

        List<ZoomRegistrant> registrants = zoom.listRegistrants(EXAMPLE);

        List<FakeZoom.Seen> pages = harness.fake.requests("GET /v2/meetings/97763643886/registrants");
        assertEquals(2, pages.size());
        assertEquals("300", pages.get(0).url().queryParameter("page_size"));
        assertEquals(null, pages.get(0).url().queryParameter("next_page_token"));
        assertEquals("w7587w4eiyfsudgf", pages.get(1).url().queryParameter("next_page_token"));
        assertEquals(List.of("9tboDiHUQAeOnbmudzWa5g", "registrant-1"),
                registrants.stream().map(ZoomRegistrant::registrantId).toList());
        assertEquals("jchill@example.com", registrants.getFirst().email());
    }

    @Test
    void theHostMayBeAnEmailOrAUserId() {
        zoom.createSecureMeeting("KDcuGIm1QgePTO8WbOqwIQ", TUESDAY_GROUP, BALINT);

        assertEquals("/v2/users/KDcuGIm1QgePTO8WbOqwIQ/meetings", harness.fake.apiRequests().getFirst().path());
        assertThrows(IllegalArgumentException.class, () -> zoom.createSecureMeeting(" ", TUESDAY_GROUP, BALINT));
    }
}
