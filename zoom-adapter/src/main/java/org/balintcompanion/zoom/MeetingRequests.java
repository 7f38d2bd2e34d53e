package org.balintcompanion.zoom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.balintcompanion.zoom.SecurityPreset.CountryRule;
import org.balintcompanion.zoom.generated.model.MeetingCreateRequest;
import org.balintcompanion.zoom.generated.model.MeetingCreateRequestSettings;
import org.balintcompanion.zoom.generated.model.MeetingCreateRequestSettings.ApprovalTypeEnum;
import org.balintcompanion.zoom.generated.model.MeetingCreateRequestSettings.AutoRecordingEnum;
import org.balintcompanion.zoom.generated.model.MeetingCreateRequestSettings.EncryptionTypeEnum;
import org.balintcompanion.zoom.generated.model.MeetingCreateRequestSettingsApprovedOrDeniedCountriesOrRegions;
import org.balintcompanion.zoom.generated.model.MeetingCreateRequestSettingsApprovedOrDeniedCountriesOrRegions.MethodEnum;
import org.balintcompanion.zoom.generated.model.MeetingUpdateRequest;
import org.balintcompanion.zoom.generated.model.MeetingUpdateRequestSettings;

/** Turns plans, presets and updates into the generated request models. */
final class MeetingRequests {

    private final ObjectMapper json;

    MeetingRequests(ObjectMapper json) {
        this.json = json;
    }

    MeetingCreateRequest create(MeetingPlan plan, SecurityPreset preset, String passcode) {
        MeetingCreateRequest request = new MeetingCreateRequest()
                .topic(plan.topic())
                .type(MeetingCreateRequest.TypeEnum.NUMBER_2)
                .startTime(utc(plan.start()))
                .duration(minutes(plan.duration()))
                .timezone(timezone(plan.zone()))
                .agenda(plan.agenda())
                .settings(settings(preset));
        if (preset.passcode()) {
            request.password(passcode);
        }
        return request;
    }

    /** Empty when nothing Zoom holds as a meeting field would change. */
    Optional<MeetingUpdateRequest> update(MeetingUpdate update, Supplier<String> passcodes) {
        MeetingUpdateRequest request = new MeetingUpdateRequest();
        update.topic().ifPresent(request::topic);
        update.start().ifPresent(start -> request.startTime(utc(start)));
        update.duration().ifPresent(duration -> request.duration(minutes(duration)));
        update.zone().ifPresent(zone -> request.timezone(timezone(zone)));
        update.agenda().ifPresent(request::agenda);
        update.preset().ifPresent(change -> {
            changedSettings(change).ifPresent(request::settings);
            boolean passcodeTurnedOn = change.after().passcode()
                    && change.before().map(before -> !before.passcode()).orElse(false);
            if (passcodeTurnedOn) {
                request.password(passcodes.get());
            }
        });
        return request.equals(new MeetingUpdateRequest()) ? Optional.empty() : Optional.of(request);
    }

    /** Every meeting setting the preset decides; host settings are not meeting settings and are left out. */
    MeetingCreateRequestSettings settings(SecurityPreset preset) {
        MeetingCreateRequestSettings settings = new MeetingCreateRequestSettings()
                .waitingRoom(preset.waitingRoom())
                .joinBeforeHost(preset.joinBeforeHost())
                .muteUponEntry(preset.muteUponEntry())
                .autoRecording(AutoRecordingEnum.fromValue(preset.autoRecording().zoomValue()))
                .participantVideo(preset.participantVideo())
                .meetingAuthentication(preset.meetingAuthentication())
                .encryptionType(EncryptionTypeEnum.fromValue(preset.encryption().zoomValue()))
                .focusMode(preset.focusMode())
                .approvedOrDeniedCountriesOrRegions(countries(preset.countries()))
                .approvalType(preset.registration() ? ApprovalTypeEnum.NUMBER_0 : ApprovalTypeEnum.NUMBER_2)
                .autoStartMeetingSummary(preset.aiCompanion())
                .autoStartAiCompanionQuestions(preset.aiCompanion());
        if (!preset.alternativeHosts().isEmpty()) {
            settings.alternativeHosts(String.join(";", preset.alternativeHosts()));
        }
        if (!preset.additionalDataCenterRegions().isEmpty()) {
            settings.additionalDataCenterRegions(new ArrayList<>(preset.additionalDataCenterRegions()));
        }
        return settings;
    }

    /**
     * The settings of {@code after} whose JSON differs from {@code before}'s, compared on the wire form so nothing
     * unchanged is sent. Create-only settings (data-centre regions) fall away in the update model.
     */
    private Optional<MeetingUpdateRequestSettings> changedSettings(MeetingUpdate.PresetChange change) {
        ObjectNode after = json.valueToTree(settings(change.after()));
        ObjectNode before = change.before().map(b -> (ObjectNode) json.valueToTree(settings(b)))
                .orElseGet(json::createObjectNode);
        ObjectNode diff = json.createObjectNode();
        for (Map.Entry<String, JsonNode> field : after.properties()) {
            if (!field.getValue().equals(before.get(field.getKey()))) {
                diff.set(field.getKey(), field.getValue());
            }
        }
        for (Map.Entry<String, JsonNode> field : before.properties()) {
            String name = field.getKey();
            if (!after.has(name) && field.getValue().isTextual()) {
                diff.set(name, TextNode.valueOf(""));  // e.g. the last alternative host removed
            }
        }
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        try {
            MeetingUpdateRequestSettings settings = json.treeToValue(diff, MeetingUpdateRequestSettings.class);
            return settings.equals(new MeetingUpdateRequestSettings()) ? Optional.empty() : Optional.of(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("create and update settings no longer share their names", e);
        }
    }

    private static MeetingCreateRequestSettingsApprovedOrDeniedCountriesOrRegions countries(CountryRule rule) {
        var zoom = new MeetingCreateRequestSettingsApprovedOrDeniedCountriesOrRegions();
        return switch (rule) {
            case CountryRule.Anywhere anywhere -> zoom.enable(false);
            case CountryRule.OnlyFrom only -> zoom.enable(true).method(MethodEnum.APPROVE)
                    .approvedList(new ArrayList<>(only.countries()));
            case CountryRule.NotFrom not -> zoom.enable(true).method(MethodEnum.DENY)
                    .deniedList(new ArrayList<>(not.countries()));
        };
    }

    /** UTC with whole seconds, the form Zoom documents for {@code start_time}. */
    static OffsetDateTime utc(ZonedDateTime start) {
        return start.toInstant().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
    }

    static int minutes(Duration duration) {
        if (duration.toSecondsPart() != 0 || duration.toMinutes() < 1 || duration.toMinutes() > 1440) {
            throw new IllegalArgumentException("duration must be whole minutes between 1 and 1440: " + duration);
        }
        return (int) duration.toMinutes();
    }

    static String timezone(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            if (!offset.equals(ZoneOffset.UTC)) {
                throw new IllegalArgumentException("Zoom needs a region time zone such as Europe/Paris, not " + zone);
            }
            return "UTC";
        }
        return zone.getId();
    }

    static List<String> split(String zoomList) {
        List<String> items = new ArrayList<>();
        if (zoomList != null) {
            for (String item : zoomList.split("[;,]")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }
}
