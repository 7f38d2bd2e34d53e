package org.balintcompanion.zoom.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.balintcompanion.zoom.webhook.WebhookVerification.Reason;

/**
 * Zoom's v0 webhook signature: {@code x-zm-signature: v0=hex(HMAC-SHA256(secret token, "v0:" + timestamp + ":" +
 * raw body))}. The raw bytes are signed, so verify before parsing (re-serialised JSON would differ). Deliveries
 * whose {@code x-zm-request-timestamp} is more than five minutes off are refused as replays.
 */
public final class WebhookVerifier {

    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String HMAC = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final Clock clock;

    /**
     * @param secretToken the app's webhook Secret Token ({@code ZOOM_WEBHOOK_SECRET_TOKEN})
     */
    public WebhookVerifier(String secretToken, Clock clock) {
        if (secretToken == null || secretToken.isBlank()) {
            throw new IllegalArgumentException("the webhook secret token must not be blank");
        }
        this.key = new SecretKeySpec(secretToken.getBytes(UTF_8), HMAC);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public WebhookVerification verify(String signatureHeader, String timestampHeader, byte[] rawBody) {
        Objects.requireNonNull(rawBody, "rawBody");
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return new WebhookVerification.Rejected(Reason.MISSING_SIGNATURE);
        }
        if (timestampHeader == null || timestampHeader.isBlank()) {
            return new WebhookVerification.Rejected(Reason.MISSING_TIMESTAMP);
        }
        String timestamp = timestampHeader.trim();
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return new WebhookVerification.Rejected(Reason.MALFORMED_TIMESTAMP);
        }
        byte[] expected = sign(timestamp, rawBody).getBytes(UTF_8);
        // Constant-time, so the comparison does not reveal how much of a forged signature was right.
        if (!MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(UTF_8))) {
            return new WebhookVerification.Rejected(Reason.SIGNATURE_MISMATCH);
        }
        Instant signedAt = Instant.ofEpochSecond(seconds);
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            return new WebhookVerification.Rejected(Reason.STALE_TIMESTAMP);
        }
        return new WebhookVerification.Verified(signedAt);
    }

    /** The answer to {@code endpoint.url_validation}. */
    public UrlValidation answerUrlValidation(String plainToken) {
        Objects.requireNonNull(plainToken, "plainToken");
        return new UrlValidation(plainToken, HEX.formatHex(hmac(plainToken.getBytes(UTF_8))));
    }

    /** The {@code x-zm-signature} Zoom would send; for fakes and tests that sign deliveries like Zoom does. */
    public String sign(String timestamp, byte[] rawBody) {
        byte[] prefix = ("v0:" + timestamp + ":").getBytes(UTF_8);
        byte[] message = new byte[prefix.length + rawBody.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(rawBody, 0, message, prefix.length, rawBody.length);
        return "v0=" + HEX.formatHex(hmac(message));
    }

    private byte[] hmac(byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);  // Mac is not thread-safe: one per call
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookVerifier[secretToken=<redacted>]";
    }
}
