package org.balintcompanion.zoom.webhook;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Objects;

/** The answer to Zoom's {@code endpoint.url_validation}: the plain token and its HMAC with our secret token. */
public record UrlValidation(String plainToken, String encryptedToken) {

    public UrlValidation {
        Objects.requireNonNull(plainToken, "plainToken");
        Objects.requireNonNull(encryptedToken, "encryptedToken");
    }

    /** The 200 body Zoom expects. */
    public String toJson() {
        return "{\"plainToken\":\"" + quoted(plainToken) + "\",\"encryptedToken\":\"" + quoted(encryptedToken) + "\"}";
    }

    private static String quoted(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
