package org.balintcompanion.zoom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.balintcompanion.zoom.SecurityPreset.CountryRule;
import org.balintcompanion.zoom.SecurityPreset.ScreenSharing;
import org.balintcompanion.zoom.generated.model.Meeting200Response;
import org.balintcompanion.zoom.generated.model.Meeting200ResponseSettings;
import org.balintcompanion.zoom.generated.model.Meeting200ResponseSettingsApprovedOrDeniedCountriesOrRegions;
import org.balintcompanion.zoom.generated.model.UserSettingsMeetingSettings;

/**
 * Compares what Zoom reports with a preset. A setting Zoom does not report is listed too ("not reported"): an
 * account-level setting that hides a meeting setting must be seen, never silently ignored.
 */
final class DriftCheck {

    private final List<Drift> drifts = new ArrayList<>();

    private DriftCheck() {
    }

    static List<Drift> compare(SecurityPreset preset, Meeting200Response meeting, UserSettingsMeetingSettings host) {
        DriftCheck check = new DriftCheck();
        check.meeting(preset, meeting);
        check.host(preset.host(), host);
        return List.copyOf(check.drifts);
    }

    private void meeting(SecurityPreset preset, Meeting200Response meeting) {
        if (preset.passcode()) {
            String password = meeting.getPassword();
            expect("password", "set", password == null || password.isBlank() ? "none" : "set");
        }
        Meeting200ResponseSettings s = meeting.getSettings();
        if (s == null) {
            expect("settings", "present", Drift.NOT_REPORTED);
            return;
        }
        expect("settings.waiting_room", preset.waitingRoom(), s.getWaitingRoom());
        expect("settings.join_before_host", preset.joinBeforeHost(), s.getJoinBeforeHost());
        expect("settings.mute_upon_entry", preset.muteUponEntry(), s.getMuteUponEntry());
        expect("settings.auto_recording", preset.autoRecording().zoomValue(),
                s.getAutoRecording() == null ? null : s.getAutoRecording().getValue());
        expect("settings.participant_video", preset.participantVideo(), s.getParticipantVideo());
        expect("settings.meeting_authentication", preset.meetingAuthentication(), s.getMeetingAuthentication());
        expect("settings.encryption_type", preset.encryption().zoomValue(),
                s.getEncryptionType() == null ? null : s.getEncryptionType().getValue());
        expect("settings.alternative_hosts", emails(preset.alternativeHosts()),
                emails(MeetingRequests.split(s.getAlternativeHosts())));
        expect("settings.focus_mode", preset.focusMode(), s.getFocusMode());
        expect("settings.approved_or_denied_countries_or_regions", countries(preset.countries()),
                countries(s.getApprovedOrDeniedCountriesOrRegions()));
        if (!preset.additionalDataCenterRegions().isEmpty()) {
            expect("settings.additional_data_center_regions", new TreeSet<>(preset.additionalDataCenterRegions())
                    .toString(), s.getAdditionalDataCenterRegions() == null ? null
                    : new TreeSet<>(s.getAdditionalDataCenterRegions()).toString());
        }
        expect("settings.approval_type", preset.registration() ? "0" : "2",
                s.getApprovalType() == null ? null : String.valueOf(s.getApprovalType().getValue()));
        // Absent means the account has no such feature, which is as good as off.
        expect("settings.auto_start_meeting_summary", preset.aiCompanion(),
                Objects.requireNonNullElse(s.getAutoStartMeetingSummary(), false));
        expect("settings.auto_start_ai_companion_questions", preset.aiCompanion(),
                Objects.requireNonNullElse(s.getAutoStartAiCompanionQuestions(), false));
    }

    private void host(SecurityPreset.HostSettings expected, UserSettingsMeetingSettings actual) {
        if (actual == null) {
            expect("user.in_meeting", "present", Drift.NOT_REPORTED);
            return;
        }
        expect("user.in_meeting.chat", expected.chat(), actual.getChat());
        expect("user.in_meeting.private_chat", expected.privateChat(), actual.getPrivateChat());
        expect("user.in_meeting.screen_sharing", screenSharing(expected.screenSharing()), screenSharing(actual));
    }

    private void expect(String setting, Object expected, Object actual) {
        String want = String.valueOf(expected);
        String have = actual == null ? Drift.NOT_REPORTED : String.valueOf(actual);
        if (!want.equals(have)) {
            drifts.add(new Drift(setting, want, have));
        }
    }

    private static String emails(List<String> emails) {
        return emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).sorted().distinct()
                .collect(Collectors.joining(";", "[", "]"));
    }

    private static String countries(CountryRule rule) {
        return switch (rule) {
            case CountryRule.Anywhere anywhere -> "off";
            case CountryRule.OnlyFrom only -> "approve " + only.countries();
            case CountryRule.NotFrom not -> "deny " + not.countries();
        };
    }

    private static String countries(Meeting200ResponseSettingsApprovedOrDeniedCountriesOrRegions zoom) {
        if (zoom == null || zoom.getEnable() == null) {
            return null;
        }
        if (!zoom.getEnable()) {
            return "off";
        }
        boolean approve = zoom.getMethod() == Meeting200ResponseSettingsApprovedOrDeniedCountriesOrRegions.MethodEnum.APPROVE;
        List<String> list = approve ? zoom.getApprovedList() : zoom.getDeniedList();
        return (approve ? "approve " : "deny ") + new TreeSet<>(list == null ? List.of() : list);
    }

    private static String screenSharing(ScreenSharing sharing) {
        return switch (sharing) {
            case OFF -> "off";
            case HOST_ONLY -> "host only";
            case EVERYONE -> "everyone";
        };
    }

    private static String screenSharing(UserSettingsMeetingSettings zoom) {
        if (zoom.getScreenSharing() == null) {
            return null;
        }
        if (!zoom.getScreenSharing()) {
            return "off";
        }
        if (zoom.getWhoCanShareScreen() == null) {
            return "on, for " + Drift.NOT_REPORTED;
        }
        return switch (zoom.getWhoCanShareScreen()) {
            case HOST -> "host only";
            case ALL -> "everyone";
            default -> "on, for " + zoom.getWhoCanShareScreen().getValue();
        };
    }
}
