package org.balintcompanion.zoom;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Headers;

/**
 * What a 429 says. Zoom documents {@code Retry-After}, {@code X-RateLimit-Type} ({@code QPS} or
 * {@code Daily-limit}), {@code X-RateLimit-Category}, {@code -Limit} and {@code -Remaining}, but developers report
 * 429s carrying none of them, so every part is optional.
 *
 * @param retryAfter how long Zoom asks us to wait, from delta-seconds, an HTTP-date or an ISO-8601 time
 * @param daily      the per-day limit (100 creates/updates per host), not a per-second one
 * @param resetsAt   for a daily limit: Retry-After, else Zoom's documented reset at the next 00:00 UTC
 */
record RateLimitNotice(Optional<Duration> retryAfter, boolean daily, Instant resetsAt, String category) {

    static RateLimitNotice from(Headers headers, String zoomMessage, Instant now) {
        Optional<Instant> until = retryAt(headers.get("Retry-After"), now);
        String type = headers.get("X-RateLimit-Type");
        String message = zoomMessage == null ? "" : zoomMessage.toLowerCase(Locale.ROOT);
        boolean daily = type != null && type.toLowerCase(Locale.ROOT).contains("daily")
                || message.contains("daily") || message.contains("per day");
        Instant nextMidnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        String category = headers.get("X-RateLimit-Category");
        return new RateLimitNotice(until.map(t -> t.isAfter(now) ? Duration.between(now, t) : Duration.ZERO), daily,
                until.orElse(nextMidnight), category == null ? "unknown" : category);
    }

    static Optional<Instant> retryAt(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(now.plusSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notHttpDate) {
            try {
                return Optional.of(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }
}
