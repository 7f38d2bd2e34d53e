package org.balintcompanion.zoom.webhook;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One POST from Zoom as received: three headers and the raw body bytes (the signature covers the bytes).
 *
 * @param signature  {@code x-zm-signature}, may be null
 * @param timestamp  {@code x-zm-request-timestamp}, may be null
 * @param trackingId {@code x-zm-trackingid}, may be null
 */
public record WebhookDelivery(String signature, String timestamp, String trackingId, byte[] body) {

    public WebhookDelivery {
        body = Objects.requireNonNull(body, "body").clone();
    }

    /** Reads the headers by name (the lookup should ignore case, as HTTP does). */
    public static WebhookDelivery of(UnaryOperator<String> header, byte[] body) {
        return new WebhookDelivery(header.apply("x-zm-signature"), header.apply("x-zm-request-timestamp"),
                header.apply("x-zm-trackingid"), body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookDelivery that && Objects.equals(signature, that.signature)
                && Objects.equals(timestamp, that.timestamp) && Objects.equals(trackingId, that.trackingId)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signature, timestamp, trackingId, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        // The body names people; it stays out of logs.
        return "WebhookDelivery[trackingId=" + trackingId + ", timestamp=" + timestamp + ", bytes=" + body.length + "]";
    }
}
