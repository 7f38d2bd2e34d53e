package org.balintcompanion.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.support.AdminClient;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.TestServer;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.balintcompanion.support.RoomClient.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a restart leaves behind: nobody kept for ever, and one room that cannot come back does not stop the others. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestartTest {
    private static final Map<String, String> ONE_SECOND_GRACE = Map.of("BALINT_RECONNECT_GRACE_SECONDS", "1");
    private TestServer server;
    private WebSocketClient ws;

    @BeforeEach void start() throws Exception {
        ws = new WebSocketClient();
        ws.start();
    }

    @AfterEach void stop() throws Exception {
        if (server != null) server.close();
        ws.stop();
    }

    private RoomClient join(String member, Role role) throws Exception {
        return RoomClient.join(ws, server.roomUri(server.token(member, role)));
    }

    private static JsonNode person(JsonNode room, String id) {
        for (JsonNode p : room.path("people")) if (p.path("id").asText().equals(id)) return p;
        throw new AssertionError("no " + id);
    }

    @Test void whoeverWasReconnectingAtARestartLosesHandAndFloorWhenTheGraceEndsIfTheyNeverComeBack() throws Exception {
        server = TestServer.start(ONE_SECOND_GRACE);
        server.openRoom(PhaseTemplate.OPEN);
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient alice = join("alice", Role.MEMBER);
        RoomClient bob = join("bob", Role.MEMBER);
        alice.ack(alice.send("raiseHand"));
        lea.ack(lea.send("giveFloor"));
        bob.ack(bob.send("raiseHand"));
        // The stop closes every panel: everyone is reconnecting when the server goes down.
        server = server.restart(ONE_SECOND_GRACE, Clock.systemUTC());

        RoomClient leaAgain = join("lea", Role.LEADER);
        JsonNode room = leaAgain.sync().path("room");
        assertEquals("RECONNECTING", person(room, "alice").path("presence").asText(), "kept for the grace period");
        assertEquals("alice", room.path("floor").path("member").asText());
        JsonNode settled = leaAgain.nextMatching(f -> f.path("type").asText().equals("state")
                && person(f.path("room"), "alice").path("presence").asText().equals("GONE")
                && person(f.path("room"), "bob").path("presence").asText().equals("GONE"), "alice and bob gone", Duration.ofSeconds(10));
        assertTrue(settled.path("room").path("floor").isNull() || settled.path("room").path("floor").isMissingNode(), "the floor is free");
        assertEquals(List.of(), ids(settled.path("room").path("queue")), "no ghost hand in the queue");
    }

    @Test void aRoomThatCannotBeRestoredIsKeptAsideAndReportedWhileTheServerAndTheOtherRoomsComeUp() throws Exception {
        server = TestServer.start();
        server.app().admin().sessions().ensureFirstAdmin("admin@society.example", "correct horse battery");
        server.openRoom(PhaseTemplate.OPEN);
        server.app().rooms().open(org.balintcompanion.room.RoomId.of("r2"), "Autre groupe",
                org.balintcompanion.room.RoomSettings.defaults(PhaseTemplate.OPEN), List.of(
                        org.balintcompanion.room.Participant.onRoster(org.balintcompanion.room.MemberId.of("zoe"), "Zoé", Role.LEADER)));
        RoomClient lea = join("lea", Role.LEADER);
        lea.ack(lea.send("setPhase", "phase", "WHO_HAS_A_CASE"));
        var dataDir = server.app().config().dataDir();
        server.app().close();
        // Damage r2's record as a bad upgrade would: a format this release does not know.
        var segment = Files.list(dataDir.resolve("journal")).filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        corruptRoomFormat(segment, "Autre groupe");
        server = TestServer.startIn(dataDir, Map.of(), Clock.systemUTC());

        var health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.http("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, health.statusCode(), health.body());
        JsonNode h = new ObjectMapper().readTree(health.body());
        assertEquals("degraded", h.path("status").asText());
        assertEquals(1, h.path("unrestoredRooms").asInt());
        assertEquals(1, h.path("rooms").asInt());

        RoomClient leaAgain = join("lea", Role.LEADER);
        assertEquals("WHO_HAS_A_CASE", leaAgain.sync().path("room").path("phase").path("name").asText(), "the other room came back whole");

        var admin = new AdminClient(server);
        admin.signIn("admin@society.example", "correct horse battery");
        var kept = admin.get("/api/rooms/unrestored");
        assertEquals(200, kept.status());
        assertEquals("r2", kept.body().get(0).path("roomId").asText());
        assertTrue(kept.body().get(0).path("reason").asText().contains("format"), kept.body().toString());
        assertEquals(204, admin.delete("/api/rooms/unrestored/r2").status());
        assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.http("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "healthy again once an administrator has dealt with it");
    }

    /** Rewrites the room's stored state to claim format 99, fixing up the record's length and checksum. */
    private static void corruptRoomFormat(java.nio.file.Path segment, String marker) throws Exception {
        byte[] all = Files.readAllBytes(segment);
        var out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at < all.length) {
            int len = java.nio.ByteBuffer.wrap(all, at, 4).getInt();
            String body = new String(all, at + 8, len, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (body.contains(marker)) body = body.replace("{\"format\":1,", "{\"format\":9,");
            byte[] b = body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            var crc = new java.util.zip.CRC32C();
            crc.update(b);
            out.write(java.nio.ByteBuffer.allocate(8).putInt(b.length).putInt((int) crc.getValue()).array());
            out.write(b);
            at += 8 + len;
        }
        Files.write(segment, out.toByteArray());
    }
}
