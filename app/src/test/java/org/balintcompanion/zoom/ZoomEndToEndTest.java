package org.balintcompanion.zoom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.MockWebServer;
import org.balintcompanion.support.AdminClient;
import org.balintcompanion.support.AdminClient.Reply;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.TestServer;
import org.balintcompanion.zoom.support.Examples;
import org.balintcompanion.zoom.support.FakeZoom;
import org.balintcompanion.zoom.webhook.WebhookVerifier;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server with ZOOM_* pointed at a fake Zoom that follows Zoom's spec, driven as an admin and a leader would. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZoomEndToEndTest {
    private static final String SECRET = "webhook-secret-token";
    private static final String HOST = "host@society.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MockWebServer zoomServer;
    private FakeZoom fake;
    private TestServer server;
    private AdminClient admin;
    private String meeting;
    private String ana;

    @BeforeEach void start() throws Exception {
        fake = new FakeZoom();
        zoomServer = new MockWebServer();
        zoomServer.setDispatcher(fake);
        zoomServer.start();
        var env = org.balintcompanion.support.FakeZoomEnv.pointingAt(zoomServer, HOST);
        env.put("ZOOM_WEBHOOK_SECRET_TOKEN", SECRET);
        server = TestServer.start(env);
        server.app().admin().sessions().ensureFirstAdmin("admin@society.example", "correct horse battery");
        admin = new AdminClient(server);
        admin.signIn("admin@society.example", "correct horse battery");

        String g = admin.post("/api/groups", Map.of("name", "Groupe Zoom")).text("id");
        String lea = admin.post("/api/people", Map.of("displayName", "Léa Durand", "email", "lea@example.org")).text("id");
        String cole = admin.post("/api/people", Map.of("displayName", "Cole Porter", "email", "cole@example.org")).text("id");
        ana = admin.post("/api/people", Map.of("displayName", "Ana Silva", "email", "ana@example.org")).text("id");
        admin.put("/api/groups/" + g + "/roster/" + lea, Map.of("role", "LEADER"));
        admin.put("/api/groups/" + g + "/roster/" + cole, Map.of("role", "CO_LEADER"));
        admin.put("/api/groups/" + g + "/roster/" + ana, Map.of("role", "MEMBER"));
        meeting = admin.post("/api/groups/" + g + "/meetings", Map.of("start", "2027-03-02T19:30", "durationMinutes", 120)).text("id");
    }

    @AfterEach void stop() throws Exception {
        server.close();
        zoomServer.shutdown();
    }

    @Test void anAdminCreatesASecureZoomMeetingAndDriftIsReported() throws Exception {
        Reply created = admin.post("/api/meetings/" + meeting + "/zoom", Map.of());
        assertEquals(201, created.status(), created.body().toString());
        long zoomId = created.body().path("zoomMeetingId").asLong();

        var create = fake.requests("POST /v2/users/" + HOST + "/meetings");
        assertEquals(1, create.size());
        assertTrue(create.get(0).authorization().startsWith("Bearer "));
        JsonNode sent = JSON.readTree(create.get(0).body());
        assertTrue(sent.path("settings").path("waiting_room").asBoolean(), "the preset turns the waiting room on");
        assertFalse(sent.path("settings").path("join_before_host").asBoolean());
        assertEquals("cole@example.org", sent.path("settings").path("alternative_hosts").asText(), "the co-leader can host");
        assertEquals(1, fake.registrantCount(), "members are registered so webhooks name them; leaders host");

        fake.changeSetting(zoomId, "waiting_room", BooleanNode.FALSE);
        Reply check = admin.get("/api/meetings/" + meeting + "/zoom");
        assertEquals(200, check.status());
        assertEquals("DRIFTED", check.text("zoomStatus"));
        assertTrue(check.body().path("drift").toString().contains("waiting_room"), check.body().toString());
    }

    @Test void aSignedParticipantJoinedWebhookMarksTheMemberInZoomForEveryLeader() throws Exception {
        long zoomId = admin.post("/api/meetings/" + meeting + "/zoom", Map.of()).body().path("zoomMeetingId").asLong();
        admin.post("/api/meetings/" + meeting + "/room", Map.of());
        String leaUrl = admin.post("/api/meetings/" + meeting + "/links", Map.of()).body().findValuesAsText("url").stream()
                .filter(u -> u.contains("/lead/")).findFirst().orElseThrow();
        var ws = new WebSocketClient();
        ws.start();
        try {
            RoomClient leader = RoomClient.join(ws, server.roomUri(meeting, leaUrl.substring(leaUrl.indexOf("#token=") + 7)));
            String registrant = registrantOf(ana);

            assertEquals(401, deliver(joined(zoomId, registrant), "forged-" + SECRET).statusCode(), "a forged delivery is refused");
            assertEquals(200, deliver(joined(zoomId, registrant), SECRET).statusCode());

            JsonNode seen = leader.nextMatching(f -> f.path("type").asText().equals("state")
                    && zoomOf(f, ana).equals("IN_MEETING"), "ana in Zoom");
            assertTrue(seen.path("version").asLong() > 0);
            long versionsBefore = leader.sync().path("version").asLong();
            deliver(joined(zoomId, registrant), SECRET);   // the same delivery again: a duplicate changes nothing
            assertEquals(versionsBefore, leader.sync().path("version").asLong());
        } finally {
            ws.stop();
        }
    }

    @Test void aGroupsStoredPresetIsSentAndAMovedMeetingIsPatchedAtZoom() throws Exception {
        Reply bad = admin.post("/api/presets", Map.of("name", "Typo", "settings", Map.of("waitingRoom", true, "waitngRoom", false)));
        assertEquals(400, bad.status());
        assertEquals("settings", bad.text("field"));
        String preset = admin.post("/api/presets", Map.of("name", "Balint + focus", "settings",
                Map.of("focusMode", true, "autoRecording", "NONE"))).text("id");
        String group = admin.get("/api/meetings/" + meeting).text("groupId");
        assertEquals(200, admin.patch("/api/groups/" + group, Map.of("zoomPresetId", preset)).status());
        long zoomId = admin.post("/api/meetings/" + meeting + "/zoom", Map.of()).body().path("zoomMeetingId").asLong();
        JsonNode sent = JSON.readTree(fake.requests("POST /v2/users/" + HOST + "/meetings").get(0).body());
        assertTrue(sent.path("settings").path("focus_mode").asBoolean(), sent.toString());

        Reply moved = admin.patch("/api/meetings/" + meeting, Map.of("start", "2027-03-03T19:30"));
        assertEquals(200, moved.status(), moved.body().toString());
        var patches = fake.requests("PATCH /v2/meetings/" + zoomId);
        assertEquals(1, patches.size());
        JsonNode patch = JSON.readTree(patches.get(0).body());
        assertEquals("2027-03-03T18:30:00Z", patch.path("start_time").asText());
        assertFalse(patch.has("settings"), "a move sends only the new time: " + patch);
    }

    @Test void zoomUrlValidationIsAnswered() throws Exception {
        byte[] body = "{\"event\":\"endpoint.url_validation\",\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1654503849680}"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = post(body, SECRET);
        assertEquals(200, r.statusCode());
        assertEquals("qgg8vlvZRS6UYooatFL8Aw", JSON.readTree(r.body()).path("plainToken").asText());
        assertEquals(64, JSON.readTree(r.body()).path("encryptedToken").asText().length());
    }

    private String registrantOf(String person) {
        return server.app().database().read(c -> {
            try (var ps = c.prepareStatement("SELECT registrant_id FROM zoom_registrant WHERE person_id = ?")) {
                ps.setString(1, person);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private static byte[] joined(long zoomId, String registrant) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Examples.bytes("webhook-participant_joined.json"));
        event.put("event_ts", System.currentTimeMillis());
        ObjectNode object = (ObjectNode) event.path("payload").path("object");
        object.put("id", String.valueOf(zoomId));
        ((ObjectNode) object.path("participant")).put("registrant_id", registrant);
        return JSON.writeValueAsBytes(event);
    }

    private HttpResponse<String> deliver(byte[] body, String secret) throws Exception { return post(body, secret); }

    private HttpResponse<String> post(byte[] body, String secret) throws Exception {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String signature = new WebhookVerifier(secret, Clock.systemUTC()).sign(timestamp, body);
        var request = HttpRequest.newBuilder(URI.create(server.http("/webhooks/zoom").toString()))
                .header("Content-Type", "application/json").header("x-zm-request-timestamp", timestamp)
                .header("x-zm-signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String zoomOf(JsonNode frame, String person) {
        for (JsonNode p : frame.path("room").path("people")) if (p.path("id").asText().equals(person)) return p.path("zoom").asText();
        return "";
    }
}
