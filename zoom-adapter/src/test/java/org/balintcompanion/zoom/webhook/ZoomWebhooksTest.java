package org.balintcompanion.zoom.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.balintcompanion.zoom.support.Examples;
import org.balintcompanion.zoom.support.ManualClock;
import org.balintcompanion.zoom.webhook.WebhookVerification.Reason;
import org.junit.jupiter.api.Test;

class ZoomWebhooksTest {

    private static final String SECRET = WebhookVerifierTest.SECRET;

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T09:00:30Z"));
    private final ZoomWebhooks webhooks = ZoomWebhooks.create(SECRET, clock);

    @Test
    void aSignedParticipantJoinedBecomesAPresenceEvent() {
        WebhookOutcome outcome = webhooks.receive(signed("webhook-participant_joined.json", "track-1"));

        assertEquals(200, outcome.httpStatus());
        var presence = assertInstanceOf(WebhookOutcome.Presence.class, outcome);
        var joined = assertInstanceOf(ZoomPresenceEvent.ParticipantJoined.class, presence.event());
        assertEquals(Optional.of("abcdefghij0-klmnopq23456"), joined.participant().registrantId());
    }

    @Test
    void aForgedDeliveryIsRefusedWith401() {
        byte[] body = Examples.bytes("webhook-participant_joined.json");
        String forged = new WebhookVerifier("guessed", clock).sign(WebhookVerifierTest.TIMESTAMP, body);

        WebhookOutcome outcome = webhooks.receive(new WebhookDelivery(forged, WebhookVerifierTest.TIMESTAMP, "t", body));

        assertEquals(new WebhookOutcome.Rejected(Reason.SIGNATURE_MISMATCH), outcome);
        assertEquals(401, outcome.httpStatus());
        // A forged copy does not use up the genuine delivery.
        assertInstanceOf(WebhookOutcome.Presence.class, webhooks.receive(signed("webhook-participant_joined.json", "t")));
    }

    @Test
    void urlValidationIsAnsweredWithTheEncryptedToken() {
        byte[] body = "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event\":\"endpoint.url_validation\"}"
                .getBytes(UTF_8);

        WebhookOutcome outcome = webhooks.receive(sign(body, null));

        assertEquals(200, outcome.httpStatus());
        assertEquals(Examples.parse("""
                {"plainToken": "qgg8vlvZRS6UYooatFL8Aw",
                 "encryptedToken": "799d9d8fe7e27875a4e5d40133c9935cc90a536e7dd9e37a58141bee679e3a33"}"""),
                Examples.parse(outcome.responseBody()));
    }

    @Test
    void anUnsignedUrlValidationIsRefused() {
        byte[] body = "{\"payload\":{\"plainToken\":\"x\"},\"event\":\"endpoint.url_validation\"}".getBytes(UTF_8);

        assertEquals(401, webhooks.receive(new WebhookDelivery(null, null, null, body)).httpStatus());
    }

    @Test
    void aDuplicateDeliveryIsAcknowledgedButHandledOnce() {
        WebhookDelivery delivery = signed("webhook-participant_left.json", "track-9");

        assertInstanceOf(WebhookOutcome.Presence.class, webhooks.receive(delivery));
        WebhookOutcome again = webhooks.receive(delivery);

        assertEquals(new WebhookOutcome.Duplicate("meeting.participant_left"), again);
        assertEquals(200, again.httpStatus());
    }

    @Test
    void zoomsRetryUnderANewTrackingIdIsStillADuplicate() {
        webhooks.receive(signed("webhook-participant_admitted.json", "track-1"));

        assertInstanceOf(WebhookOutcome.Duplicate.class,
                webhooks.receive(signed("webhook-participant_admitted.json", "track-2")));
    }

    @Test
    void chatEventsAreAcknowledgedAndIgnored() {
        assertEquals(new WebhookOutcome.Ignored("meeting.chat_message_sent"),
                webhooks.receive(signed("webhook-chat_message_sent.json", "track-chat")));
    }

    @Test
    void aSignedButUnreadableBodyIsABadRequest() {
        assertEquals(400, webhooks.receive(sign("[1,2]".getBytes(UTF_8), null)).httpStatus());
    }

    @Test
    void theSubscribedEventsAreTheEightPresenceEventsAndNoChat() {
        assertEquals(8, ZoomWebhooks.PRESENCE_EVENTS.size());
        assertTrue(ZoomWebhooks.PRESENCE_EVENTS.stream().noneMatch(e -> e.contains("chat")));
    }

    @Test
    void headersAreReadByTheirZoomNames() {
        byte[] body = Examples.bytes("webhook-started.json");
        WebhookDelivery delivery = WebhookDelivery.of(name -> switch (name) {
            case "x-zm-signature" -> "v0=abc";
            case "x-zm-request-timestamp" -> "1893488400";
            case "x-zm-trackingid" -> "track-1";
            default -> null;
        }, body);

        assertEquals(new WebhookDelivery("v0=abc", "1893488400", "track-1", body), delivery);
    }

    private WebhookDelivery signed(String example, String trackingId) {
        return sign(Examples.bytes(example), trackingId);
    }

    private WebhookDelivery sign(byte[] body, String trackingId) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return new WebhookDelivery(webhooks.verifier().sign(timestamp, body), timestamp, trackingId, body);
    }
}
