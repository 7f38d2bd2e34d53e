package org.balintcompanion.zoom;

import java.util.List;

/** Every call explains that Zoom is not connected. */
final class NotConnectedZoom implements ZoomMeetings {

    @Override
    public boolean connected() {
        return false;
    }

    @Override
    public ZoomMeeting createSecureMeeting(String hostUserId, MeetingPlan plan, SecurityPreset preset) {
        throw new ZoomFailure.NotConnected();
    }

    @Override
    public ZoomMeeting getMeeting(long meetingId) {
        throw new ZoomFailure.NotConnected();
    }

    @Override
    public void updateMeeting(long meetingId, MeetingUpdate update) {
        throw new ZoomFailure.NotConnected();
    }

    @Override
    public void deleteMeeting(long meetingId) {
        throw new ZoomFailure.NotConnected();
    }

    @Override
    public void endMeeting(long meetingId) {
        throw new ZoomFailure.NotConnected();
    }

    @Override
    public ZoomRegistrant addRegistrant(long meetingId, Registrant registrant) {
        throw new ZoomFailure.NotConnected();
    }

    @Override
    public List<ZoomRegistrant> listRegistrants(long meetingId) {
        throw new ZoomFailure.NotConnected();
    }

    @Override
    public List<Drift> checkDrift(long meetingId, String hostUserId, SecurityPreset preset) {
        throw new ZoomFailure.NotConnected();
    }

    @Override
    public String toString() {
        return "ZoomMeetings[not connected]";
    }
}
