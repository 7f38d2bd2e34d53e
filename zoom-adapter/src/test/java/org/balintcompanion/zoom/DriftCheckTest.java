package org.balintcompanion.zoom;

import static org.balintcompanion.zoom.support.Plans.BALINT;
import static org.balintcompanion.zoom.support.Plans.HOST;
import static org.balintcompanion.zoom.support.Plans.TUESDAY_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.balintcompanion.zoom.support.FakeZoom;
import org.balintcompanion.zoom.support.ZoomHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DriftCheckTest {

    private static final String HOST_AS_PRESET_WANTS = """
            {"chat": false, "private_chat": false, "screen_sharing": true, "who_can_share_screen": "host"}""";

    private final ZoomHarness harness = new ZoomHarness();
    private final ZoomMeetings zoom = harness.zoom;
    private long meeting;

    @BeforeEach
    void createWithThePreset() {
        harness.fake.setUserSettings(HOST_AS_PRESET_WANTS);
        meeting = zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT).id();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void nothingDriftsRightAfterCreatingWithThePreset() {
        assertEquals(List.of(), zoom.checkDrift(meeting, HOST, BALINT));

        assertEquals("GET /v2/users/leader@example.org/settings", harness.fake.apiRequests().getLast().route());
    }

    @Test
    void settingsChangedInZoomAreReportedOneByOne() {
        harness.fake.changeSetting(meeting, "waiting_room", BooleanNode.FALSE);
        harness.fake.changeSetting(meeting, "auto_recording", TextNode.valueOf("cloud"));
        harness.fake.changeSetting(meeting, "alternative_hosts", TextNode.valueOf("someone@example.org"));

        List<Drift> drift = zoom.checkDrift(meeting, HOST, BALINT);

        assertEquals(List.of(
                new Drift("settings.waiting_room", "true", "false"),
                new Drift("settings.auto_recording", "none", "cloud"),
                new Drift("settings.alternative_hosts", "[co-leader@example.org]", "[someone@example.org]")), drift);
    }

    @Test
    void hostChatAndScreenSharingAreReportedAsHostSettings() {
        harness.fake.setUserSettings("""
                {"chat": true, "private_chat": true, "screen_sharing": true, "who_can_share_screen": "all"}""");

        List<Drift> drift = zoom.checkDrift(meeting, HOST, BALINT);

        assertEquals(List.of(
                new Drift("user.in_meeting.chat", "false", "true"),
                new Drift("user.in_meeting.private_chat", "false", "true"),
                new Drift("user.in_meeting.screen_sharing", "host only", "everyone")), drift);
        assertTrue(drift.stream().allMatch(Drift::isHostSetting));
        assertEquals("user.in_meeting.chat is true at Zoom, the preset wants false (host setting: change it in "
                + "Zoom's web portal)", drift.getFirst().describe());
    }

    @Test
    void aSettingZoomDoesNotReportIsListedNotIgnored() {
        harness.fake.removeSetting(meeting, "focus_mode");

        assertEquals(List.of(new Drift("settings.focus_mode", "false", Drift.NOT_REPORTED)),
                zoom.checkDrift(meeting, HOST, BALINT));
    }

    @Test
    void aMissingPasscodeIsDrift() {
        harness.fake.meeting(meeting).put("password", "");

        assertEquals(List.of(new Drift("password", "set", "none")), zoom.checkDrift(meeting, HOST, BALINT));
    }

    @Test
    void zoomsExampleMeetingDriftsFromTheBalintPresetWhereverItDiffers() {
        harness.fake.setUserSettings(HOST_AS_PRESET_WANTS);

        List<String> settings = zoom.checkDrift(FakeZoom.EXAMPLE_MEETING_ID, HOST, BALINT).stream()
                .map(Drift::setting).toList();

        assertEquals(List.of("settings.waiting_room", "settings.join_before_host", "settings.mute_upon_entry",
                "settings.auto_recording", "settings.participant_video", "settings.meeting_authentication",
                "settings.alternative_hosts", "settings.focus_mode",
                "settings.approved_or_denied_countries_or_regions"), settings);
    }
}
