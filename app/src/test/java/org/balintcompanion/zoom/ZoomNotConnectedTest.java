package org.balintcompanion.zoom;

import java.util.Map;

import org.balintcompanion.support.AdminClient;
import org.balintcompanion.support.TestServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With no Zoom account configured, Zoom features say so and everything else works. */
class ZoomNotConnectedTest {

    @Test void withoutAZoomAccountTheMeetingSaysNotConnectedAndWebhooksAreRefused() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.app().admin().sessions().ensureFirstAdmin("admin@society.example", "correct horse battery");
            var admin = new AdminClient(server);
            admin.signIn("admin@society.example", "correct horse battery");
            String g = admin.post("/api/groups", Map.of("name", "G")).text("id");
            String m = admin.post("/api/groups/" + g + "/meetings", Map.of("start", "2027-03-02T19:30")).text("id");
            assertEquals("NOT_CONNECTED", admin.get("/api/meetings/" + m).text("zoomStatus"));
            assertEquals("NOT_CONNECTED", admin.get("/api/meetings/" + m + "/zoom").text("zoomStatus"));
            var create = admin.post("/api/meetings/" + m + "/zoom", Map.of());
            assertEquals(409, create.status());
            assertEquals("Zoom not connected", create.text("title"));
            assertEquals(503, admin.call("POST", "/webhooks/zoom", "{}").status());
        }
    }
}
