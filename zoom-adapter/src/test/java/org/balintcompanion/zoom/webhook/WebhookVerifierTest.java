package org.balintcompanion.zoom.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import org.balintcompanion.zoom.support.Examples;
import org.balintcompanion.zoom.support.ManualClock;
import org.balintcompanion.zoom.webhook.WebhookVerification.Reason;
import org.junit.jupiter.api.Test;

/** Vectors computed outside Java (Python's hmac module) over Zoom's own example body. */
class WebhookVerifierTest {

    static final String SECRET = "balint-secret-token";
    static final String TIMESTAMP = "1893488400";  // 2030-01-01T09:00:00Z
    static final String JOINED_SIGNATURE = "v0=b53aabb2d3c71c2d12bd430683c43ccd92f67989a056cbac4973b8cc04aa3176";

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T09:00:30Z"));
    private final WebhookVerifier verifier = new WebhookVerifier(SECRET, clock);
    private final byte[] joined = Examples.bytes("webhook-participant_joined.json");

    @Test
    void zoomsSignatureOverTheRawBodyIsAccepted() {
        assertEquals(new WebhookVerification.Verified(Instant.parse("2030-01-01T09:00:00Z")),
                verifier.verify(JOINED_SIGNATURE, TIMESTAMP, joined));
    }

    @Test
    void aSmallBodyMatchesItsVector() {
        byte[] body = ("{\"event\":\"meeting.started\",\"event_ts\":1893488400000,\"payload\":{\"account_id\":\"A\","
                + "\"object\":{\"id\":\"85746065\",\"uuid\":\"u1==\"}}}").getBytes(UTF_8);

        assertEquals("v0=188f045a44453a7cb7cfab3a5a235b7163e0079d5def27870e4c0a16e67243ee",
                verifier.sign(TIMESTAMP, body));
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRejected() {
        String forged = new WebhookVerifier("someone-elses-secret", clock).sign(TIMESTAMP, joined);

        assertEquals(new WebhookVerification.Rejected(Reason.SIGNATURE_MISMATCH),
                verifier.verify(forged, TIMESTAMP, joined));
    }

    @Test
    void aTamperedBodyIsRejected() {
        byte[] tampered = new String(joined, UTF_8).replace("Jill Chill", "Jill Chilll").getBytes(UTF_8);

        assertEquals(new WebhookVerification.Rejected(Reason.SIGNATURE_MISMATCH),
                verifier.verify(JOINED_SIGNATURE, TIMESTAMP, tampered));
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffIsRejectedEitherWay() {
        clock.set(Instant.parse("2030-01-01T09:05:00Z"));
        assertEquals(new WebhookVerification.Verified(Instant.parse("2030-01-01T09:00:00Z")),
                verifier.verify(JOINED_SIGNATURE, TIMESTAMP, joined));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(new WebhookVerification.Rejected(Reason.STALE_TIMESTAMP),
                verifier.verify(JOINED_SIGNATURE, TIMESTAMP, joined));

        clock.set(Instant.parse("2030-01-01T08:54:59Z"));
        assertEquals(new WebhookVerification.Rejected(Reason.STALE_TIMESTAMP),
                verifier.verify(JOINED_SIGNATURE, TIMESTAMP, joined));
    }

    @Test
    void aReplayedTimestampCannotBeSwappedForAFreshOne() {
        String fresh = String.valueOf(clock.instant().getEpochSecond());

        assertEquals(new WebhookVerification.Rejected(Reason.SIGNATURE_MISMATCH),
                verifier.verify(JOINED_SIGNATURE, fresh, joined));
    }

    @Test
    void missingOrMalformedHeadersAreRejected() {
        assertEquals(new WebhookVerification.Rejected(Reason.MISSING_SIGNATURE), verifier.verify(null, TIMESTAMP, joined));
        assertEquals(new WebhookVerification.Rejected(Reason.MISSING_TIMESTAMP),
                verifier.verify(JOINED_SIGNATURE, " ", joined));
        assertEquals(new WebhookVerification.Rejected(Reason.MALFORMED_TIMESTAMP),
                verifier.verify(JOINED_SIGNATURE, "yesterday", joined));
        assertEquals(new WebhookVerification.Rejected(Reason.SIGNATURE_MISMATCH),
                verifier.verify("v0=short", TIMESTAMP, joined));
    }

    @Test
    void urlValidationIsAnsweredWithTheHmacOfThePlainToken() {
        UrlValidation answer = verifier.answerUrlValidation("qgg8vlvZRS6UYooatFL8Aw");

        assertEquals("799d9d8fe7e27875a4e5d40133c9935cc90a536e7dd9e37a58141bee679e3a33", answer.encryptedToken());
        assertEquals(Examples.parse("""
                {"plainToken": "qgg8vlvZRS6UYooatFL8Aw",
                 "encryptedToken": "799d9d8fe7e27875a4e5d40133c9935cc90a536e7dd9e37a58141bee679e3a33"}"""),
                Examples.parse(answer.toJson()));
    }

    @Test
    void theAnswerIsValidJsonWhateverThePlainToken() {
        UrlValidation answer = new UrlValidation("a\"b\\c\n", "00");

        assertEquals("a\"b\\c\n", Examples.parse(answer.toJson()).get("plainToken").asText());
    }

    @Test
    void theVerifierNeverShowsItsSecret() {
        assertFalse(verifier.toString().contains(SECRET));
    }
}
