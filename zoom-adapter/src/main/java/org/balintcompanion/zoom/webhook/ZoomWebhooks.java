package org.balintcompanion.zoom.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook pipeline behind {@code POST /webhooks/zoom}: verify the signature, answer URL validation, read the
 * presence events and drop duplicate deliveries. Fast and free of I/O, so it can run on the request thread; the
 * app applies the resulting events elsewhere, through a {@link PresenceOrderGuard}.
 */
public final class ZoomWebhooks {

    private static final Logger log = LoggerFactory.getLogger(ZoomWebhooks.class);

    public static final String URL_VALIDATION = "endpoint.url_validation";
    public static final String MEETING_STARTED = "meeting.started";
    public static final String MEETING_ENDED = "meeting.ended";
    public static final String PARTICIPANT_JOINED = "meeting.participant_joined";
    public static final String PARTICIPANT_LEFT = "meeting.participant_left";
    public static final String PARTICIPANT_JOINED_WAITING_ROOM = "meeting.participant_joined_waiting_room";
    public static final String PARTICIPANT_LEFT_WAITING_ROOM = "meeting.participant_left_waiting_room";
    public static final String PARTICIPANT_ADMITTED = "meeting.participant_admitted";
    public static final String PARTICIPANT_PUT_IN_WAITING_ROOM = "meeting.participant_put_in_waiting_room";

    /** The events to subscribe to in the Zoom app. Never chat events: they carry what people wrote. */
    public static final List<String> PRESENCE_EVENTS = List.of(MEETING_STARTED, MEETING_ENDED, PARTICIPANT_JOINED,
            PARTICIPANT_LEFT, PARTICIPANT_JOINED_WAITING_ROOM, PARTICIPANT_LEFT_WAITING_ROOM, PARTICIPANT_ADMITTED,
            PARTICIPANT_PUT_IN_WAITING_ROOM);

    private final WebhookVerifier verifier;
    private final WebhookDeduplicator deduplicator;
    private final WebhookParser parser = new WebhookParser(new ObjectMapper());

    public ZoomWebhooks(WebhookVerifier verifier, WebhookDeduplicator deduplicator) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
    }

    /** With {@code ZOOM_WEBHOOK_SECRET_TOKEN} and a 24-hour deduplication window. */
    public static ZoomWebhooks create(String secretToken, Clock clock) {
        return new ZoomWebhooks(new WebhookVerifier(secretToken, clock), new WebhookDeduplicator(clock));
    }

    public WebhookOutcome receive(WebhookDelivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        byte[] body = delivery.body();
        WebhookVerification verdict = verifier.verify(delivery.signature(), delivery.timestamp(), body);
        if (verdict instanceof WebhookVerification.Rejected rejected) {
            log.debug("Refused a Zoom webhook: {}", rejected.reason().description());
            return new WebhookOutcome.Rejected(rejected.reason());
        }
        return switch (parser.parse(body)) {
            case WebhookParser.Parsed.UrlValidationRequest request ->
                    new WebhookOutcome.UrlValidated(verifier.answerUrlValidation(request.plainToken()));
            case WebhookParser.Parsed.Other other -> {
                log.debug("Ignored Zoom event {}", other.eventName());
                yield new WebhookOutcome.Ignored(other.eventName());
            }
            case WebhookParser.Parsed.Unreadable unreadable -> {
                log.debug("Unreadable Zoom webhook: {}", unreadable.problem());
                yield new WebhookOutcome.Malformed(unreadable.problem());
            }
            case WebhookParser.Parsed.Event parsed -> {
                ZoomPresenceEvent event = parsed.event();
                if (!deduplicator.firstDelivery(delivery.trackingId(), event.contentKey())) {
                    log.debug("Duplicate Zoom delivery of {}", event.eventName());
                    yield new WebhookOutcome.Duplicate(event.eventName());
                }
                yield new WebhookOutcome.Presence(event);
            }
        };
    }

    public WebhookVerifier verifier() {
        return verifier;
    }
}
