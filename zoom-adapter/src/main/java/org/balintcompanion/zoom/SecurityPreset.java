package org.balintcompanion.zoom;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The security settings a group's meetings are created with, stored by the app with its admin data.
 *
 * @param name                        for the admin console
 * @param waitingRoom                 everyone waits until a leader admits them
 * @param passcode                    the adapter sets a generated passcode on create
 * @param joinBeforeHost              participants may enter before the host
 * @param muteUponEntry               participants arrive muted
 * @param autoRecording               {@link AutoRecording#NONE} for confidential groups
 * @param participantVideo            participants' video on when they join
 * @param meetingAuthentication       only people signed in to Zoom may join
 * @param encryption                  Zoom's encryption type
 * @param alternativeHosts            e-mails of Zoom users who may start the meeting (the co-leader)
 * @param focusMode                   only hosts see everyone's video
 * @param countries                   from where people may join
 * @param additionalDataCenterRegions data-centre regions to add on create (country codes such as {@code DE})
 * @param registration                members are registered (approval automatic), so webhooks carry their registrant
 *                                    id; off means no registration at all
 * @param aiCompanion                 Zoom's automatic meeting summary and AI Companion questions; off for
 *                                    confidential groups
 * @param host                        the host's user settings the drift check expects
 */
public record SecurityPreset(String name, boolean waitingRoom, boolean passcode, boolean joinBeforeHost,
                             boolean muteUponEntry, AutoRecording autoRecording, boolean participantVideo,
                             boolean meetingAuthentication, Encryption encryption, List<String> alternativeHosts,
                             boolean focusMode, CountryRule countries, List<String> additionalDataCenterRegions,
                             boolean registration, boolean aiCompanion, HostSettings host) {

    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

    /**
     * The default for Balint groups: people wait to be admitted, need a passcode, arrive muted with video on;
     * nothing is recorded or summarised by Zoom; chat and private chat are off and only the host may share.
     */
    public static final SecurityPreset BALINT_GROUP = new SecurityPreset("Balint group", true, true, false, true,
            AutoRecording.NONE, true, false, Encryption.ENHANCED_ENCRYPTION, List.of(), false, CountryRule.ANYWHERE,
            List.of(), true, false, new HostSettings(false, false, ScreenSharing.HOST_ONLY));

    public SecurityPreset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a preset needs a name");
        }
        Objects.requireNonNull(autoRecording, "autoRecording");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(countries, "countries");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(alternativeHosts, "alternativeHosts");
        alternativeHosts = alternativeHosts.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String email : alternativeHosts) {
            if (!email.contains("@") || email.contains(";")) {
                throw new IllegalArgumentException("alternative hosts are e-mail addresses: " + email);
            }
        }
        additionalDataCenterRegions = List.copyOf(additionalDataCenterRegions);
        for (String region : additionalDataCenterRegions) {
            if (!REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("data-centre regions are two capital letters: " + region);
            }
        }
        if (waitingRoom && joinBeforeHost) {
            // Zoom turns join-before-host off whenever the waiting room is on; asking for both would drift forever.
            throw new IllegalArgumentException("join before host cannot be on together with the waiting room");
        }
    }

    /** The co-leader(s) who may start the meeting, replacing any others. */
    public SecurityPreset withAlternativeHosts(List<String> emails) {
        return new SecurityPreset(name, waitingRoom, passcode, joinBeforeHost, muteUponEntry, autoRecording,
                participantVideo, meetingAuthentication, encryption, emails, focusMode, countries,
                additionalDataCenterRegions, registration, aiCompanion, host);
    }

    public SecurityPreset withName(String value) {
        return new SecurityPreset(value, waitingRoom, passcode, joinBeforeHost, muteUponEntry, autoRecording,
                participantVideo, meetingAuthentication, encryption, alternativeHosts, focusMode, countries,
                additionalDataCenterRegions, registration, aiCompanion, host);
    }

    public SecurityPreset withWaitingRoom(boolean value) {
        return new SecurityPreset(name, value, passcode, joinBeforeHost, muteUponEntry, autoRecording,
                participantVideo, meetingAuthentication, encryption, alternativeHosts, focusMode, countries,
                additionalDataCenterRegions, registration, aiCompanion, host);
    }

    public SecurityPreset withPasscode(boolean value) {
        return new SecurityPreset(name, waitingRoom, value, joinBeforeHost, muteUponEntry, autoRecording,
                participantVideo, meetingAuthentication, encryption, alternativeHosts, focusMode, countries,
                additionalDataCenterRegions, registration, aiCompanion, host);
    }

    public SecurityPreset withMeetingAuthentication(boolean value) {
        return new SecurityPreset(name, waitingRoom, passcode, joinBeforeHost, muteUponEntry, autoRecording,
                participantVideo, value, encryption, alternativeHosts, focusMode, countries,
                additionalDataCenterRegions, registration, aiCompanion, host);
    }

    public SecurityPreset withEncryption(Encryption value) {
        return new SecurityPreset(name, waitingRoom, passcode, joinBeforeHost, muteUponEntry, autoRecording,
                participantVideo, meetingAuthentication, value, alternativeHosts, focusMode, countries,
                additionalDataCenterRegions, registration, aiCompanion, host);
    }

    public SecurityPreset withFocusMode(boolean value) {
        return new SecurityPreset(name, waitingRoom, passcode, joinBeforeHost, muteUponEntry, autoRecording,
                participantVideo, meetingAuthentication, encryption, alternativeHosts, value, countries,
                additionalDataCenterRegions, registration, aiCompanion, host);
    }

    public SecurityPreset withCountries(CountryRule value) {
        return new SecurityPreset(name, waitingRoom, passcode, joinBeforeHost, muteUponEntry, autoRecording,
                participantVideo, meetingAuthentication, encryption, alternativeHosts, focusMode, value,
                additionalDataCenterRegions, registration, aiCompanion, host);
    }

    public SecurityPreset withAdditionalDataCenterRegions(List<String> value) {
        return new SecurityPreset(name, waitingRoom, passcode, joinBeforeHost, muteUponEntry, autoRecording,
                participantVideo, meetingAuthentication, encryption, alternativeHosts, focusMode, countries, value,
                registration, aiCompanion, host);
    }

    public SecurityPreset withHost(HostSettings value) {
        return new SecurityPreset(name, waitingRoom, passcode, joinBeforeHost, muteUponEntry, autoRecording,
                participantVideo, meetingAuthentication, encryption, alternativeHosts, focusMode, countries,
                additionalDataCenterRegions, registration, aiCompanion, value);
    }

    /** Zoom's {@code settings.auto_recording} values. */
    public enum AutoRecording {
        NONE("none"), LOCAL("local"), CLOUD("cloud");

        private final String zoomValue;

        AutoRecording(String zoomValue) {
            this.zoomValue = zoomValue;
        }

        public String zoomValue() {
            return zoomValue;
        }
    }

    /** Zoom's {@code settings.encryption_type}; end-to-end encryption disables cloud recording and phone dial-in. */
    public enum Encryption {
        ENHANCED_ENCRYPTION("enhanced_encryption"), E2EE("e2ee");

        private final String zoomValue;

        Encryption(String zoomValue) {
            this.zoomValue = zoomValue;
        }

        public String zoomValue() {
            return zoomValue;
        }
    }

    /** Who may share their screen, a host user setting (Zoom has no such meeting setting). */
    public enum ScreenSharing {
        OFF, HOST_ONLY, EVERYONE
    }

    /** Host user settings that decide what participants can write or show; checked, never changed, by the adapter. */
    public record HostSettings(boolean chat, boolean privateChat, ScreenSharing screenSharing) {
        public HostSettings {
            Objects.requireNonNull(screenSharing, "screenSharing");
        }
    }

    /** Zoom's "approved or denied countries or regions". */
    public sealed interface CountryRule {

        CountryRule ANYWHERE = new Anywhere();

        /** No restriction. */
        record Anywhere() implements CountryRule {
        }

        /** Only people connecting from these countries (ISO codes) may join. */
        record OnlyFrom(Set<String> countries) implements CountryRule {
            public OnlyFrom {
                countries = codes(countries);
            }
        }

        /** People connecting from these countries (ISO codes) may not join. */
        record NotFrom(Set<String> countries) implements CountryRule {
            public NotFrom {
                countries = codes(countries);
            }
        }

        private static Set<String> codes(Set<String> countries) {
            TreeSet<String> sorted = new TreeSet<>();
            for (String country : countries) {
                String code = country.trim().toUpperCase(Locale.ROOT);
                if (!REGION.matcher(code).matches()) {
                    throw new IllegalArgumentException("country codes are two letters: " + country);
                }
                sorted.add(code);
            }
            if (sorted.isEmpty()) {
                throw new IllegalArgumentException("name at least one country, or use ANYWHERE");
            }
            return Collections.unmodifiableSortedSet(sorted);
        }
    }
}
