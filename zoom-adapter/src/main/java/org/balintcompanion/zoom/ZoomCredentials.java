package org.balintcompanion.zoom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Server-to-Server OAuth app's credentials. {@link #toString()} never shows the secret. */
public record ZoomCredentials(String accountId, String clientId, String clientSecret) {

    static final List<String> VARIABLES = List.of("ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET");

    public ZoomCredentials {
        requireText(accountId, "accountId");
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
    }

    /**
     * Reads {@code ZOOM_ACCOUNT_ID}, {@code ZOOM_CLIENT_ID} and {@code ZOOM_CLIENT_SECRET}. Empty when none is
     * set (Zoom is simply not connected); an error naming the missing ones when only some are, because a
     * half-configured Zoom is a mistake worth stopping for.
     */
    public static Optional<ZoomCredentials> fromEnv(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        for (String name : VARIABLES) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (missing.size() == VARIABLES.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Zoom is half configured: set " + String.join(", ", missing)
                    + " as well, or unset all of " + String.join(", ", VARIABLES));
        }
        return Optional.of(new ZoomCredentials(env.get(VARIABLES.get(0)).trim(), env.get(VARIABLES.get(1)).trim(),
                env.get(VARIABLES.get(2)).trim()));
    }

    @Override
    public String toString() {
        return "ZoomCredentials[accountId=" + accountId + ", clientId=" + clientId + ", clientSecret=<redacted>]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
