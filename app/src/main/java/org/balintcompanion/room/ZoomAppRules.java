package org.balintcompanion.room;

import static org.balintcompanion.room.Outcomes.changed;
import static org.balintcompanion.room.Outcomes.rejected;

/**
 * What the companion's Zoom App reports from inside the Zoom client. Hands go through {@link QueueRules} like any
 * other hand; this file keeps who is which Zoom participant, so the host's app can spotlight the right tile.
 */
final class ZoomAppRules {
    private ZoomAppRules() {}

    /**
     * One Zoom participant is one person. A leader (the host's app, which sees every tile) may move a binding from one
     * person to another; a member binding themself may not take a tile already bound to someone else.
     */
    static Decision bind(RoomState s, Actor by, MemberId m, ZoomParticipantId tile) {
        MemberId holder = holderOf(s, tile);
        if (holder != null && !holder.equals(m) && !by.role().leads()) return rejected(Rejection.ZOOM_PARTICIPANT_TAKEN);
        Roster roster = s.roster();
        if (holder != null && !holder.equals(m)) roster = roster.with(roster.get(holder).withZoomParticipant(null));
        return changed(s, s.withRoster(roster.with(roster.get(m).withZoomParticipant(tile))));
    }

    private static MemberId holderOf(RoomState s, ZoomParticipantId tile) {
        for (MemberId id : s.roster().seats()) if (tile.equals(s.participant(id).zoomParticipant())) return id;
        return null;
    }
}
