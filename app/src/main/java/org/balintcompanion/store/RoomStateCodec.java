package org.balintcompanion.store;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
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
 */
public final class RoomStateCodec {
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
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unused")
    private abstract static class IdMixin {
        @JsonCreator IdMixin(String value) {}

        @JsonValue abstract String value();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface CommandMixin {}
}
