package org.balintcompanion.zoom;

import java.util.List;

/**
 * What the app asks of Zoom. Every method may throw a {@link ZoomFailure}, whose message is fit for an admin.
 * Implementations: {@link ZoomMeetingsClient}, and {@link #notConnected()} when no Zoom account is configured.
 */
public interface ZoomMeetings {

    /** False when no Zoom account is configured: every other method then throws {@link ZoomFailure.NotConnected}. */
    default boolean connected() {
        return true;
    }

    /**
     * Creates a scheduled meeting with the preset's settings, and a generated passcode when the preset asks for one.
     * Not retried after an ambiguous failure ({@link ZoomFailure.OutcomeUnknown}), so it never creates two meetings.
     *
     * @param hostUserId the Zoom user (id or e-mail) who hosts the meeting; {@code me} does not work for
     *                   Server-to-Server apps
     */
    ZoomMeeting createSecureMeeting(String hostUserId, MeetingPlan plan, SecurityPreset preset);

    ZoomMeeting getMeeting(long meetingId);

    /** Sends only the parts the update carries; an empty update sends nothing. */
    void updateMeeting(long meetingId, MeetingUpdate update);

    /** Deletes the meeting (every occurrence of a recurring one). */
    void deleteMeeting(long meetingId);

    /** Ends a meeting in progress for everyone. */
    void endMeeting(long meetingId);

    /** Registers a member; the answer's registrant id comes back in participant webhooks. */
    ZoomRegistrant addRegistrant(long meetingId, Registrant registrant);

    /** Approved registrants, every page. */
    List<ZoomRegistrant> listRegistrants(long meetingId);

    /**
     * Differences between the preset and what Zoom holds: the meeting's settings and the host's chat, private chat
     * and screen-sharing settings. Empty when everything matches.
     */
    List<Drift> checkDrift(long meetingId, String hostUserId, SecurityPreset preset);

    /** Stands in when no Zoom account is configured, so the rest of the app works and says "not connected". */
    static ZoomMeetings notConnected() {
        return new NotConnectedZoom();
    }
}
