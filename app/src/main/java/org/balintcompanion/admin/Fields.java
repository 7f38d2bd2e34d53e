package org.balintcompanion.admin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads request fields, refusing each bad one with a message that names it. */
public final class Fields {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private final JsonNode body;

    public Fields(JsonNode body) { this.body = body; }

    public boolean has(String name) { return body.has(name) && !body.get(name).isNull(); }

    public String text(String name, int max) {
        JsonNode n = body.get(name);
        if (n == null || !n.isTextual() || n.asText().isBlank() || n.asText().length() > max) {
            throw ApiException.badField(name, "'" + name + "' must be a text of 1 to " + max + " characters.");
        }
        return n.asText().trim();
    }

    public String optionalText(String name, int max) { return has(name) ? text(name, max) : null; }

    public int integer(String name, int min, int max) {
        JsonNode n = body.get(name);
        if (n == null || !n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            throw ApiException.badField(name, "'" + name + "' must be a whole number from " + min + " to " + max + ".");
        }
        return n.asInt();
    }

    public boolean bool(String name, boolean fallback) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) return fallback;
        if (!n.isBoolean()) throw ApiException.badField(name, "'" + name + "' must be true or false.");
        return n.asBoolean();
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        JsonNode n = body.get(name);
        if (n != null && n.isTextual()) {
            for (E e : type.getEnumConstants()) if (e.name().equals(n.asText())) return e;
        }
        var names = new StringBuilder();
        for (E e : type.getEnumConstants()) names.append(names.isEmpty() ? "" : ", ").append(e.name());
        throw ApiException.badField(name, "'" + name + "' must be one of " + names + ".");
    }

    public ZoneId zone(String name) { return zone(text(name, 64), name); }

    static ZoneId zone(String value, String field) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw ApiException.badField(field, "Unknown time zone '" + value + "': use a name such as Europe/Paris or America/Montreal.");
        }
    }

    public LocalDateTime localDateTime(String name) {
        String v = text(name, 32);
        try {
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badField(name, "'" + name + "' must be a local date and time such as 2027-01-12T19:30.");
        }
    }

    public LocalDate date(String name) {
        String v = text(name, 16);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badField(name, "'" + name + "' must be a date such as 2027-06-30.");
        }
    }

    public String language(String name, String fallback) {
        if (!has(name)) return fallback;
        String v = text(name, 2).toLowerCase(Locale.ROOT);
        if (!v.equals("fr") && !v.equals("en")) throw ApiException.badField(name, "'" + name + "' must be fr or en.");
        return v;
    }

    static String email(String value, String field) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.length() > 320 || !EMAIL.matcher(v).matches()) {
            throw ApiException.badField(field, "'" + (value == null ? "" : value) + "' is not an e-mail address.");
        }
        return v;
    }

    public JsonNode node(String name) { return body.get(name); }
}
