package org.balintcompanion.wire;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.Rejection;
import org.balintcompanion.room.RoomState;

/**
 * Writes every server-to-client frame (see docs/protocol.md). Room views are written once per role view and shared
 * by every connection holding that role, never once per client.
 */
public final class Frames {
    /** Which slice of the room a connection may see. */
    public enum View {
        /** Leaders and co-leaders: everything, including private signals, turn counts and each checklist. */
        LEADER,
        /** Members and observers: the shared room, without anyone's private data. */
        MEMBER
    }

    /** Told of every ack and error written, so refusals can be counted per code without touching the room. */
    public interface Replies {
        void answered(String code);
    }

    private final JsonFactory factory;
    private final RoomViewWriter views = new RoomViewWriter();
    private final Replies replies;

    public Frames(JsonFactory factory) { this(factory, code -> {}); }

    public Frames(JsonFactory factory, Replies replies) {
        this.factory = factory;
        this.replies = replies;
    }

    public String state(RoomState s, View view) {
        return write(g -> {
            g.writeStringField("type", "state");
            header(g, s);
            g.writeFieldName("room");
            views.write(g, s, view);
        });
    }

    public String snapshot(RoomState s, View view, MemberId you) {
        return write(g -> {
            g.writeStringField("type", "snapshot");
            header(g, s);
            g.writeFieldName("room");
            views.write(g, s, view);
            g.writeFieldName("you");
            views.writeYou(g, s, you);
        });
    }

    /** The one person's private part (their checklist answers and signals), sent to them alone. */
    public String you(RoomState s, MemberId you) {
        return write(g -> {
            g.writeStringField("type", "you");
            header(g, s);
            g.writeFieldName("you");
            views.writeYou(g, s, you);
        });
    }

    /** One backchannel note, or all kept notes when a leader (re)connects. Leaders only. */
    public record Note(String from, String name, String text, java.time.Instant at) {}

    public String backchannel(java.util.List<Note> notes) {
        return write(g -> {
            g.writeStringField("type", "backchannel");
            g.writeArrayFieldStart("notes");
            for (Note n : notes) {
                g.writeStartObject();
                g.writeStringField("from", n.from());
                g.writeStringField("name", n.name());
                g.writeStringField("text", n.text());
                instant(g, "at", n.at());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    public String ack(String id, long version) {
        replies.answered("ok");
        return write(g -> {
            g.writeStringField("type", "ack");
            g.writeStringField("id", id);
            g.writeNumberField("version", version);
        });
    }

    public String pong(String id) {
        return write(g -> {
            g.writeStringField("type", "pong");
            g.writeStringField("id", id);
        });
    }

    public String error(String id, Rejection r) { return error(id, r.code(), r.message()); }

    public String error(String id, String code, String message) {
        replies.answered(code);
        return write(g -> {
            g.writeStringField("type", "error");
            if (id == null) g.writeNullField("id"); else g.writeStringField("id", id);
            g.writeStringField("code", code);
            g.writeStringField("message", message);
        });
    }

    private static void header(JsonGenerator g, RoomState s) throws IOException {
        g.writeStringField("epoch", s.epoch());
        g.writeNumberField("version", s.version());
    }

    static void instant(JsonGenerator g, String field, Instant at) throws IOException {
        g.writeStringField(field, at.toString());
    }

    static boolean checklistDone(RoomState s, Participant p) {
        return p.confirmed().size() == s.settings().checklist().size()
                && s.settings().checklist().stream().allMatch(i -> p.confirmed().contains(i.id()));
    }

    private interface Body { void write(JsonGenerator g) throws IOException; }

    private String write(Body body) {
        var out = new StringWriter(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
