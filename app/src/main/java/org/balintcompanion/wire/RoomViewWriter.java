package org.balintcompanion.wire;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import org.balintcompanion.room.ChecklistItem;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.Phase;
import org.balintcompanion.room.RoomState;

/** The room as one role may see it. Leader-only parts are written only into the leader view. */
final class RoomViewWriter {

    void write(JsonGenerator g, RoomState s, Frames.View view) throws IOException {
        boolean leader = view == Frames.View.LEADER;
        g.writeStartObject();
        g.writeStringField("id", s.id().value());
        g.writeStringField("title", s.title());
        g.writeStringField("template", s.settings().template().name());
        start(g, s);
        phase(g, s, leader);
        people(g, s, leader);
        members(g, "queue", s.queue().members());
        if (s.floor() == null) {
            g.writeNullField("floor");
        } else {
            g.writeObjectFieldStart("floor");
            g.writeStringField("member", s.floor().member().value());
            Frames.instant(g, "since", s.floor().since());
            g.writeEndObject();
        }
        optionalMember(g, "presenter", s.presenter());
        if (s.goRound() == null) {
            g.writeNullField("goRound");
        } else {
            g.writeObjectFieldStart("goRound");
            members(g, "order", s.goRound().order());
            g.writeNumberField("position", s.goRound().position());
            g.writeEndObject();
        }
        g.writeObjectFieldStart("rules");
        g.writeStringField("speakingRule", s.rules().speakingRule().name());
        g.writeStringField("queuePolicy", s.rules().queuePolicy().name());
        g.writeStringField("mutePolicy", s.rules().mutePolicy().name());
        g.writeBooleanField("questionsPaused", s.rules().questionsPaused());
        g.writeEndObject();
        g.writeArrayFieldStart("unmuteInvited");
        for (MemberId m : s.roster().seats()) if (s.invitedToUnmute(m)) g.writeString(m.value());
        g.writeEndArray();
        checklist(g, s.settings().checklist());
        if (leader) {
            g.writeObjectFieldStart("signals");
            members(g, "hasCase", s.signals().hasCase());
            members(g, "tooMuch", s.signals().tooMuch());
            g.writeEndObject();
            members(g, "presentedToday", s.presented());
            g.writeArrayFieldStart("earlierCases");
            for (var e : s.settings().earlierCases()) {
                g.writeStartObject();
                g.writeStringField("name", e.name());
                g.writeStringField("presentedOn", e.presentedOn().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** When the meeting starts and the zone its group plans in; both null for a room tied to no meeting. */
    private static void start(JsonGenerator g, RoomState s) throws IOException {
        if (s.settings().startsAt() == null) {
            g.writeNullField("startsAt");
            g.writeNullField("timeZone");
        } else {
            Frames.instant(g, "startsAt", s.settings().startsAt());
            g.writeStringField("timeZone", s.settings().timeZone().getId());
        }
    }

    void writeYou(JsonGenerator g, RoomState s, MemberId you) throws IOException {
        Participant p = s.participant(you);
        g.writeStartObject();
        g.writeStringField("member", you.value());
        g.writeStringField("role", p.role().name());
        g.writeArrayFieldStart("confirmed");
        for (ChecklistItem item : s.settings().checklist()) if (p.confirmed().contains(item.id())) g.writeString(item.id());
        g.writeEndArray();
        g.writeBooleanField("hasCase", s.signals().hasCase().contains(you));
        g.writeBooleanField("tooMuch", s.signals().tooMuch().contains(you));
        g.writeEndObject();
    }

    private void phase(JsonGenerator g, RoomState s, boolean leader) throws IOException {
        var ph = s.phase();
        g.writeObjectFieldStart("phase");
        g.writeStringField("name", ph.phase().name());
        Frames.instant(g, "since", ph.since());
        if ((leader || s.settings().timersShownToMembers()) && !ph.target().isZero()) {
            g.writeNumberField("targetSeconds", ph.target().toSeconds());
        }
        g.writeNumberField("caseNumber", ph.caseNumber());
        if (leader) {
            g.writeArrayFieldStart("next");
            for (Phase p : s.settings().template().nextPhases(ph.phase())) g.writeString(p.name());
            g.writeEndArray();
            g.writeArrayFieldStart("back");
            for (Phase p : s.settings().template().stepsBack(ph.phase(), ph.caseNumber())) g.writeString(p.name());
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void people(JsonGenerator g, RoomState s, boolean leader) throws IOException {
        g.writeArrayFieldStart("people");
        for (MemberId id : s.roster().seats()) {
            Participant p = s.participant(id);
            g.writeStartObject();
            g.writeStringField("id", id.value());
            g.writeStringField("name", p.name());
            g.writeStringField("role", p.role().name());
            g.writeStringField("attendance", p.attendance().name());
            g.writeStringField("presence", p.presence().name());
            g.writeStringField("zoom", p.zoom().name());
            g.writeBooleanField("listening", s.isListening(id));
            if (leader) {
                g.writeNumberField("turns", p.turns());
                // Leaders only: the host's Zoom App spotlights the floor holder's tile by this id.
                if (p.zoomParticipant() == null) g.writeNullField("zoomParticipant");
                else g.writeStringField("zoomParticipant", p.zoomParticipant().value());
                g.writeBooleanField("checklistDone", Frames.checklistDone(s, p));
                g.writeArrayFieldStart("confirmed");
                for (ChecklistItem item : s.settings().checklist()) {
                    if (p.confirmed().contains(item.id())) g.writeString(item.id());
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void checklist(JsonGenerator g, List<ChecklistItem> items) throws IOException {
        g.writeArrayFieldStart("checklist");
        for (ChecklistItem item : items) {
            g.writeStartObject();
            g.writeStringField("id", item.id());
            g.writeStringField("fr", item.labelFr());
            g.writeStringField("en", item.labelEn());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void members(JsonGenerator g, String field, List<MemberId> ids) throws IOException {
        g.writeArrayFieldStart(field);
        for (MemberId m : ids) g.writeString(m.value());
        g.writeEndArray();
    }

    private static void optionalMember(JsonGenerator g, String field, MemberId m) throws IOException {
        if (m == null) g.writeNullField(field); else g.writeStringField(field, m.value());
    }
}
