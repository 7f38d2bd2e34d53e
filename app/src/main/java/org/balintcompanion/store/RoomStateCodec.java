package org.balintcompanion.store;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomState;

/**
 * The store's own JSON for room states and commands (not the wire format: it holds everything, including private
 * parts, and never leaves the server). Jackson stays out of the room core through mix-ins.
 *
 * <p>Every stored state and command carries the format it was written in ({@code "format":1}); the release before
 * formats had none, and is format 0. Reading first brings older JSON up to {@link #FORMAT} through {@link #upgrade},
 * so renaming a record, a field or a command in a later release is one more upgrade step there, and rooms that were
 * open during an upgrade stay readable. A format newer than this release knows is refused with a clear message.
 */
public final class RoomStateCodec {
    /** The format this release writes. */
    public static final int FORMAT = 1;
    private static final String FORMAT_FIELD = "format";
    private static final String CURRENT = "{\"" + FORMAT_FIELD + "\":" + FORMAT + ",";

    private final ObjectMapper json;

    public RoomStateCodec() {
        var ids = new SimpleModule("balint-ids");
        ids.addKeySerializer(MemberId.class, new JsonSerializer<>() {
            @Override public void serialize(MemberId v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeFieldName(v.value());
            }
        });
        ids.addKeyDeserializer(MemberId.class, new KeyDeserializer() {
            @Override public Object deserializeKey(String key, DeserializationContext ctx) { return MemberId.of(key); }
        });
        ids.setMixInAnnotation(MemberId.class, IdMixin.class);
        ids.setMixInAnnotation(RoomId.class, IdMixin.class);
        ids.setMixInAnnotation(Command.class, CommandMixin.class);
        ids.setMixInAnnotation(RoomState.class, StateMixin.class);
        json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(ids)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (Class<?> type : Command.class.getPermittedSubclasses()) json.registerSubtypes(new NamedType(type, type.getSimpleName()));
    }

    public String write(RoomState state) { return write((Object) state); }

    public String write(Command command) { return write((Object) command); }

    public RoomState readState(String text) { return read(text, RoomState.class); }

    public Command readCommand(String text) { return read(text, Command.class); }

    private String write(Object value) {
        try {
            String body = json.writeValueAsString(value);
            return body.equals("{}") ? CURRENT.substring(0, CURRENT.length() - 1) + "}" : CURRENT + body.substring(1);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            // The common case, read straight into the records (restart reads a thousand rooms); the mix-ins skip "format".
            if (text.startsWith(CURRENT)) return json.readValue(text, type);
            JsonNode tree = json.readTree(text);
            if (!(tree instanceof ObjectNode node)) throw new IllegalStateException("stored " + type.getSimpleName() + " is not a JSON object");
            JsonNode format = node.remove(FORMAT_FIELD);
            int from = format == null ? 0 : format.asInt(-1);
            if (from < 0 || from > FORMAT) {
                throw new IllegalStateException("stored " + type.getSimpleName() + " is in format " + format
                        + ", newer than this release reads (" + FORMAT + "): run the newer release");
            }
            return json.treeToValue(upgrade(node, from), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Brings JSON written in an older format up to {@link #FORMAT}, one step per format. Format 0 (the release before
     * formats) has the same shape as format 1. A later rename adds a step here, e.g. for a command renamed from
     * {@code Pass} to {@code PassTurn}: {@code if (from < 2 && "Pass".equals(node.path("type").asText())) node.put("type", "PassTurn");}
     */
    static ObjectNode upgrade(ObjectNode node, int from) {
        return node;
    }

    @SuppressWarnings("unused")
    private abstract static class IdMixin {
        @JsonCreator IdMixin(String value) {}

        @JsonValue abstract String value();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonIgnoreProperties(FORMAT_FIELD)
    private interface CommandMixin {}

    @JsonIgnoreProperties(FORMAT_FIELD)
    private interface StateMixin {}
}
