package org.balintcompanion.zoom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.balintcompanion.zoom.SecurityPreset.AutoRecording;
import org.balintcompanion.zoom.SecurityPreset.CountryRule;
import org.balintcompanion.zoom.SecurityPreset.ScreenSharing;
import org.junit.jupiter.api.Test;

class SecurityPresetTest {

    @Test
    void theBalintGroupDefaultIsClosedAndUnrecorded() {
        SecurityPreset preset = SecurityPreset.BALINT_GROUP;

        assertTrue(preset.waitingRoom());
        assertTrue(preset.passcode());
        assertFalse(preset.joinBeforeHost());
        assertTrue(preset.muteUponEntry());
        assertEquals(AutoRecording.NONE, preset.autoRecording());
        assertTrue(preset.participantVideo());
        assertFalse(preset.aiCompanion());
        assertEquals(CountryRule.ANYWHERE, preset.countries());
        assertFalse(preset.host().chat());
        assertFalse(preset.host().privateChat());
        assertEquals(ScreenSharing.HOST_ONLY, preset.host().screenSharing());
    }

    @Test
    void joinBeforeHostCannotBeAskedForAlongsideTheWaitingRoom() {
        SecurityPreset b = SecurityPreset.BALINT_GROUP;

        assertThrows(IllegalArgumentException.class, () -> new SecurityPreset(b.name(), true, true, true, true,
                b.autoRecording(), true, false, b.encryption(), List.of(), false, b.countries(), List.of(), true,
                false, b.host()));
    }

    @Test
    void countryCodesAreNormalisedAndChecked() {
        assertEquals(Set.of("DE", "FR"), new CountryRule.NotFrom(Set.of(" de", "fr")).countries());
        assertThrows(IllegalArgumentException.class, () -> new CountryRule.OnlyFrom(Set.of("France")));
        assertThrows(IllegalArgumentException.class, () -> new CountryRule.OnlyFrom(Set.of()));
    }

    @Test
    void alternativeHostsAreEmailAddresses() {
        assertThrows(IllegalArgumentException.class,
                () -> SecurityPreset.BALINT_GROUP.withAlternativeHosts(List.of("a@example.org;b@example.org")));
        assertEquals(List.of("a@example.org"),
                SecurityPreset.BALINT_GROUP.withAlternativeHosts(List.of(" a@example.org ", "")).alternativeHosts());
    }

    @Test
    void plansHoldWholeMinutesAndRegionTimeZones() {
        ZonedDateTime start = ZonedDateTime.parse("2030-03-05T19:30:00+01:00[Europe/Paris]");

        assertThrows(IllegalArgumentException.class, () -> new MeetingPlan("Group", start, Duration.ofSeconds(90)));
        assertThrows(IllegalArgumentException.class, () -> new MeetingPlan("Group", start, Duration.ofHours(25)));
        assertThrows(IllegalArgumentException.class,
                () -> new MeetingPlan("Group", start, Duration.ofHours(1), ZoneOffset.ofHours(1), null));
        assertEquals(null, new MeetingPlan("Group", start, Duration.ofHours(1)).withAgenda(" ").agenda());
    }
}
