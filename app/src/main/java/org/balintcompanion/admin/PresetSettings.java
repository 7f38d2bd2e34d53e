package org.balintcompanion.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.balintcompanion.zoom.SecurityPreset;
import org.balintcompanion.zoom.SecurityPreset.AutoRecording;
import org.balintcompanion.zoom.SecurityPreset.CountryRule;
import org.balintcompanion.zoom.SecurityPreset.Encryption;
import org.balintcompanion.zoom.SecurityPreset.HostSettings;
import org.balintcompanion.zoom.SecurityPreset.ScreenSharing;

/**
 * A stored preset's settings as a {@link SecurityPreset}: each field the admin set replaces the Balint default, any
 * other stays as the default. Unknown fields are refused, so a typo never silently loosens a meeting's security.
 */
final class PresetSettings {
    static final Set<String> FIELDS = Set.of("waitingRoom", "passcode", "joinBeforeHost", "muteUponEntry", "autoRecording",
            "participantVideo", "meetingAuthentication", "encryption", "focusMode", "onlyFromCountries", "notFromCountries",
            "additionalDataCenterRegions", "registration", "aiCompanion", "hostChat", "hostPrivateChat", "screenSharing");

    private PresetSettings() {}

    static SecurityPreset toPreset(String name, JsonNode s) {
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw ApiException.badField("settings", "Unknown preset setting '" + field + "'; known settings: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ".");
            }
        }
        SecurityPreset d = SecurityPreset.BALINT_GROUP;
        var f = new Fields(s);
        try {
            CountryRule countries = s.has("onlyFromCountries") ? new CountryRule.OnlyFrom(codes(s, "onlyFromCountries"))
                    : s.has("notFromCountries") ? new CountryRule.NotFrom(codes(s, "notFromCountries")) : d.countries();
            return new SecurityPreset(name, f.bool("waitingRoom", d.waitingRoom()), f.bool("passcode", d.passcode()),
                    f.bool("joinBeforeHost", d.joinBeforeHost()), f.bool("muteUponEntry", d.muteUponEntry()),
                    s.has("autoRecording") ? f.choice("autoRecording", AutoRecording.class) : d.autoRecording(),
                    f.bool("participantVideo", d.participantVideo()), f.bool("meetingAuthentication", d.meetingAuthentication()),
                    s.has("encryption") ? f.choice("encryption", Encryption.class) : d.encryption(), d.alternativeHosts(),
                    f.bool("focusMode", d.focusMode()), countries,
                    s.has("additionalDataCenterRegions") ? new ArrayList<>(codes(s, "additionalDataCenterRegions")) : d.additionalDataCenterRegions(),
                    f.bool("registration", d.registration()), f.bool("aiCompanion", d.aiCompanion()),
                    new HostSettings(f.bool("hostChat", d.host().chat()), f.bool("hostPrivateChat", d.host().privateChat()),
                            s.has("screenSharing") ? f.choice("screenSharing", ScreenSharing.class) : d.host().screenSharing()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("settings", "These preset settings cannot go together: " + e.getMessage() + ".");
        } catch (ApiException e) {
            throw ApiException.badField("settings", e.getMessage());
        }
    }

    private static Set<String> codes(JsonNode s, String field) {
        JsonNode n = s.get(field);
        if (n == null || !n.isArray()) throw ApiException.badField("settings", "'" + field + "' must be a list of two-letter codes.");
        var out = new HashSet<String>();
        for (JsonNode c : n) out.add(c.asText());
        return out;
    }
}
