package org.balintcompanion.support;

import java.util.HashMap;
import java.util.Map;

import okhttp3.mockwebserver.MockWebServer;
import org.balintcompanion.zoom.support.FakeZoom;

/** The ZOOM_* settings that point a test server at a fake Zoom running on {@code zoom}. */
public final class FakeZoomEnv {
    private FakeZoomEnv() {}

    public static Map<String, String> pointingAt(MockWebServer zoom, String hostUser) {
        String base = zoom.url("/").toString();
        return new HashMap<>(Map.of("ZOOM_ACCOUNT_ID", FakeZoom.ACCOUNT_ID, "ZOOM_CLIENT_ID", FakeZoom.CLIENT_ID,
                "ZOOM_CLIENT_SECRET", FakeZoom.CLIENT_SECRET, "ZOOM_API_BASE_URL", base + "v2",
                "ZOOM_OAUTH_BASE_URL", base.substring(0, base.length() - 1), "ZOOM_HOST_USER", hostUser));
    }
}
