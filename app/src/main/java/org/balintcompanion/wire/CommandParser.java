package org.balintcompanion.wire;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.room.Attendance;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.Command.*;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.MutePolicy;
import org.balintcompanion.room.Phase;
import org.balintcompanion.room.QueuePolicy;
import org.balintcompanion.room.SpeakingRule;
import org.balintcompanion.room.ZoomParticipantId;

/**
 * Turns a client's JSON frame into a room command, naming the exact field at fault when it cannot. Runs on the
 * connection's reading thread, so a broken frame never reaches the room.
 */
public final class CommandParser {
    private final ObjectMapper json;
    private final Map<String, Function<Fields, Command>> commands = Map.ofEntries(
            Map.entry("raiseHand", f -> new RaiseHand()),
            Map.entry("lowerHand", f -> new LowerHand()),
            Map.entry("takeFloor", f -> new TakeFloor()),
            Map.entry("endTurn", f -> new EndTurn()),
            Map.entry("pass", f -> new Pass()),
            Map.entry("signalCase", f -> new SignalCase(f.bool("on"))),
            Map.entry("signalTooMuch", f -> new SignalTooMuch(f.bool("on"))),
            Map.entry("confirmChecklist", f -> new ConfirmChecklistItem(f.text("item", 64), f.bool("confirmed"))),
            Map.entry("raiseHandFor", f -> new RaiseHandFor(f.member("member"))),
            Map.entry("lowerHandFor", f -> new LowerHandFor(f.member("member"))),
            Map.entry("lowerAllHands", f -> new LowerAllHands()),
            Map.entry("moveHand", f -> new MoveHand(f.member("member"), f.integer("to"))),
            Map.entry("giveFloor", f -> new GiveFloor(f.optionalMember("member"))),
            Map.entry("putBack", f -> new PutBack()),
            Map.entry("setSeatOrder", f -> new SetSeatOrder(f.members("order"))),
            Map.entry("startGoRound", f -> new StartGoRound()),
            Map.entry("endGoRound", f -> new EndGoRound()),
            Map.entry("setPhase", f -> new SetPhase(f.choice("phase", Phase.class))),
            Map.entry("setPresenter", f -> new SetPresenter(f.optionalMember("member"))),
            Map.entry("setSpeakingRule", f -> new SetSpeakingRule(f.choice("rule", SpeakingRule.class))),
            Map.entry("setQueuePolicy", f -> new SetQueuePolicy(f.choice("policy", QueuePolicy.class))),
            Map.entry("setMutePolicy", f -> new SetMutePolicy(f.choice("policy", MutePolicy.class))),
            Map.entry("pauseQuestions", f -> new PauseQuestions(f.bool("paused"))),
            Map.entry("clearTooMuch", f -> new ClearTooMuch(f.member("member"))),
            Map.entry("setAttendance", f -> new SetAttendance(f.member("member"), f.choice("attendance", Attendance.class))),
            Map.entry("zoomHandRaised", f -> new ZoomHandRaised(f.member("member"))),
            Map.entry("zoomHandLowered", f -> new ZoomHandLowered(f.member("member"))),
            Map.entry("zoomParticipantBound", f -> new ZoomParticipantBound(f.member("member"), f.zoomParticipant("participantUUID"))));

    public CommandParser(ObjectMapper json) { this.json = json; }

    /** The wire names of every room command, for docs and coverage tests. */
    public java.util.Set<String> commandTypes() { return commands.keySet(); }

    public Inbound parse(String frame) {
        JsonNode root;
        try {
            root = json.readTree(frame);
        } catch (JsonProcessingException e) {
            return new Inbound.Invalid(null, "bad_json", "The message is not valid JSON.");
        }
        if (root == null || !root.isObject()) return new Inbound.Invalid(null, "bad_json", "The message must be a JSON object.");
        JsonNode idNode = root.get("id");
        String id = idNode != null && idNode.isTextual() ? idNode.asText() : null;
        if (!isCommandId(id)) {
            return new Inbound.Invalid(null, "invalid_field", "Field 'id' must be 1 to 64 printable ASCII characters, without spaces.");
        }
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            return new Inbound.Invalid(id, "invalid_field", "Field 'type' must be a string.");
        }
        String withControl = fieldWithControlCharacter(root);
        if (withControl != null) {
            return new Inbound.Invalid(id, "invalid_field", "Field '" + withControl + "' must not contain control characters.");
        }
        String type = typeNode.asText();
        if (type.equals("sync")) return new Inbound.Sync(id);
        if (type.equals("ping")) return new Inbound.Ping(id);
        if (type.equals("backchannel")) {
            JsonNode text = root.get("text");
            if (text == null || !text.isTextual() || text.asText().isBlank() || text.asText().length() > 1000) {
                return new Inbound.Invalid(id, "invalid_field", "Field 'text' must be a note of 1 to 1000 characters.");
            }
            return new Inbound.Backchannel(id, text.asText());
        }
        var make = commands.get(type);
        if (make == null) return new Inbound.Invalid(id, "unknown_type", "Unknown message type '" + abbreviate(type) + "'.");
        try {
            Fields fields = new Fields(root);
            long expected = fields.optionalLong("expectedVersion");
            return new Inbound.RoomCommand(id, expected, make.apply(fields));
        } catch (BadField e) {
            return new Inbound.Invalid(id, "invalid_field", e.getMessage());
        }
    }

    /**
     * Ids are stored with the answers they got and echoed in replies: printable ASCII only, so no byte a database
     * refuses (U+0000) or a log or page misreads can enter through one.
     */
    private static boolean isCommandId(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) return false;
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch < 0x21 || ch > 0x7E) return false;
        }
        return true;
    }

    /**
     * The name, as the error can show it, of the first field whose string value (or a string in its list) holds a
     * control character, or null. A backchannel note may keep its line breaks and tabs: it is typed in a text area,
     * and never stored.
     */
    private static String fieldWithControlCharacter(JsonNode root) {
        boolean note = "backchannel".equals(root.path("type").asText());
        for (var field : root.properties()) {
            String name = field.getKey();
            if (hasControl(name, false)) return "(a field name)";
            boolean layoutAllowed = note && name.equals("text");
            JsonNode value = field.getValue();
            if (value.isTextual() && hasControl(value.asText(), layoutAllowed)) return abbreviate(name);
            if (value.isArray()) {
                for (JsonNode e : value) if (e.isTextual() && hasControl(e.asText(), false)) return abbreviate(name);
            }
        }
        return null;
    }

    private static boolean hasControl(String s, boolean layoutAllowed) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (layoutAllowed && (ch == '\n' || ch == '\r' || ch == '\t')) continue;
            if (ch < 0x20 || ch == 0x7F) return true;
        }
        return false;
    }

    private static String abbreviate(String s) { return s.length() > 40 ? s.substring(0, 40) + "…" : s; }

    private static final class BadField extends RuntimeException {
        BadField(String message) { super(message, null, false, false); }
    }

    /** Typed access to a frame's fields; each getter names the field when it is missing or has the wrong type. */
    private record Fields(JsonNode root) {
        boolean bool(String name) {
            JsonNode n = root.get(name);
            if (n == null || !n.isBoolean()) throw new BadField("Field '" + name + "' must be true or false.");
            return n.booleanValue();
        }

        int integer(String name) {
            JsonNode n = root.get(name);
            if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
                throw new BadField("Field '" + name + "' must be a whole number.");
            }
            return n.intValue();
        }

        long optionalLong(String name) {
            JsonNode n = root.get(name);
            if (n == null || n.isNull()) return -1;
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
                throw new BadField("Field '" + name + "' must be a room version (a whole number, 0 or more).");
            }
            return n.longValue();
        }

        String text(String name, int maxLength) {
            JsonNode n = root.get(name);
            if (n == null || !n.isTextual() || n.asText().isEmpty() || n.asText().length() > maxLength) {
                throw new BadField("Field '" + name + "' must be a string of 1 to " + maxLength + " characters.");
            }
            return n.asText();
        }

        MemberId member(String name) {
            JsonNode n = root.get(name);
            if (n == null || !n.isTextual() || !MemberId.isValid(n.asText())) {
                throw new BadField("Field '" + name + "' must be a member id.");
            }
            return MemberId.of(n.asText());
        }

        ZoomParticipantId zoomParticipant(String name) {
            JsonNode n = root.get(name);
            if (n == null || !n.isTextual() || !ZoomParticipantId.isValid(n.asText())) {
                throw new BadField("Field '" + name + "' must be a Zoom participant id (1 to 128 letters, digits or + / = . _ -).");
            }
            return ZoomParticipantId.of(n.asText());
        }

        MemberId optionalMember(String name) {
            JsonNode n = root.get(name);
            return n == null || n.isNull() ? null : member(name);
        }

        java.util.List<MemberId> members(String name) {
            JsonNode n = root.get(name);
            if (n == null || !n.isArray() || n.size() > 64) {
                throw new BadField("Field '" + name + "' must be a list of member ids.");
            }
            var out = new ArrayList<MemberId>(n.size());
            for (JsonNode e : n) {
                if (!e.isTextual() || !MemberId.isValid(e.asText())) {
                    throw new BadField("Field '" + name + "' must be a list of member ids.");
                }
                out.add(MemberId.of(e.asText()));
            }
            return out;
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            JsonNode n = root.get(name);
            if (n != null && n.isTextual()) {
                for (E e : type.getEnumConstants()) if (e.name().equals(n.asText())) return e;
            }
            var names = new ArrayList<String>();
            for (E e : type.getEnumConstants()) names.add(e.name());
            throw new BadField("Field '" + name + "' must be one of " + String.join(", ", names).toUpperCase(Locale.ROOT) + ".");
        }
    }
}
