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
    /**
     * An address as it may stand in a To: header: a dot-atom local part (RFC 5322 letters, digits and
     * !#$%&'*+/=?^_`{|}~-, dots only between them) and a domain of ASCII letters, digits and inner hyphens (an
     * international domain in its xn-- form), ending in a top-level domain of letters. Nothing that could close or
     * open a header field (&lt;, &gt;, quotes, commas, spaces) gets through, nor what a plain SMTP server refuses.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "(?=[^@]{1,64}@)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})");

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
            ZoneId city = zoneOfCity(value);
            if (city != null) return city;
            throw ApiException.badField(field, "Unknown time zone '" + value + "': use a city such as Paris or Montreal, "
                    + "or a name such as Europe/Paris.");
        }
    }

    /**
     * "Paris", "montréal" or "New York": the zone named after that city (the last part of its id, without case or
     * accents). When several share the city's name the shortest id is the usual one (America/Louisville rather than
     * America/Kentucky/Louisville). Null when none is.
     */
    private static ZoneId zoneOfCity(String value) {
        String city = plain(value).replace(' ', '_');
        if (city.isEmpty()) return null;
        return ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                .filter(id -> plain(id.substring(id.lastIndexOf('/') + 1)).equals(city))
                .min(java.util.Comparator.comparingInt(String::length).thenComparing(id -> id))
                .map(ZoneId::of).orElse(null);
    }

    private static String plain(String s) {
        return java.text.Normalizer.normalize(s.trim(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
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
