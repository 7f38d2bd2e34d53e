package org.balintcompanion.zoom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void credentialsComeFromTheThreeVariables() {
        Optional<ZoomCredentials> credentials = ZoomCredentials.fromEnv(Map.of("ZOOM_ACCOUNT_ID", "acct",
                "ZOOM_CLIENT_ID", "client", "ZOOM_CLIENT_SECRET", " secret "));

        assertEquals(Optional.of(new ZoomCredentials("acct", "client", "secret")), credentials);
    }

    @Test
    void noVariablesMeansZoomIsNotConnected() {
        assertEquals(Optional.empty(), ZoomCredentials.fromEnv(Map.of("ZOOM_CLIENT_ID", " ")));
    }

    @Test
    void halfConfiguredCredentialsNameWhatIsMissing() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ZoomCredentials.fromEnv(Map.of("ZOOM_ACCOUNT_ID", "acct")));

        assertTrue(error.getMessage().contains("ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET"), error.getMessage());
    }

    @Test
    void credentialsTextHidesTheSecret() {
        String text = new ZoomCredentials("acct", "client", "very-secret").toString();

        assertFalse(text.contains("very-secret"), text);
        assertTrue(text.contains("<redacted>"), text);
    }

    @Test
    void endpointsDefaultToZoomsHosts() {
        ZoomEndpoints endpoints = ZoomEndpoints.fromEnv(Map.of());

        assertEquals(ZoomEndpoints.production(), endpoints);
        assertEquals(URI.create("https://zoom.us/oauth/token"), endpoints.tokenUri());
    }

    @Test
    void endpointsPointAtAFakeWithoutTrailingSlashes() {
        ZoomEndpoints endpoints = ZoomEndpoints.fromEnv(Map.of("ZOOM_API_BASE_URL", "http://127.0.0.1:9000/v2/",
                "ZOOM_OAUTH_BASE_URL", "http://127.0.0.1:9001/"));

        assertEquals(URI.create("http://127.0.0.1:9000/v2"), endpoints.apiBase());
        assertEquals(URI.create("http://127.0.0.1:9001/oauth/token"), endpoints.tokenUri());
        assertThrows(IllegalArgumentException.class, () -> ZoomEndpoints.fromEnv(Map.of("ZOOM_API_BASE_URL", "ftp://x")));
    }

    @Test
    void withoutAnAccountEveryOperationSaysNotConnected() {
        ZoomMeetings zoom = ZoomMeetings.notConnected();

        assertFalse(zoom.connected());
        ZoomFailure failure = assertThrows(ZoomFailure.NotConnected.class, () -> zoom.getMeeting(1));
        assertTrue(failure.getMessage().startsWith("Zoom is not connected"), failure.getMessage());
    }
}
