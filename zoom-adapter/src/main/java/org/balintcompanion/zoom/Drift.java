package org.balintcompanion.zoom;

import java.util.Objects;

/**
 * One setting at Zoom that differs from the preset.
 *
 * @param setting  Zoom's name: {@code settings.*} for the meeting, {@code user.in_meeting.*} for the host's user
 *                 settings (chat and screen sharing are not meeting settings), {@code password} for the passcode
 * @param expected what the preset asks for
 * @param actual   what Zoom reports, or {@value #NOT_REPORTED}
 */
public record Drift(String setting, String expected, String actual) {

    public static final String NOT_REPORTED = "not reported by Zoom";

    public Drift {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }

    /** A host or account setting: changed in Zoom's web portal, not by updating the meeting. */
    public boolean isHostSetting() {
        return setting.startsWith("user.");
    }

    /** A sentence for the admin console. */
    public String describe() {
        String where = isHostSetting() ? " (host setting: change it in Zoom's web portal)" : "";
        return setting + " is " + actual + " at Zoom, the preset wants " + expected + where;
    }
}
