package org.balintcompanion.admin;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.support.AdminClient;
import org.balintcompanion.support.AdminClient.Reply;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.TestServer;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an administrator does to a group, its meetings and its roster reaches the open room at once: through the
 * admin API over HTTP, watched by real panels over WebSocket.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RoomLifeTest {
    private static final String EMAIL = "admin@society.example";
    private static final String PASSWORD = "correct horse battery";
    private TestServer server;
    private AdminClient admin;
    private WebSocketClient ws;
    private String group;
    private String series;
    private String meeting;
    private String lea;
    private String cole;
    private String ana;

    @BeforeEach void openAMeetingsRoom() throws Exception {
        server = TestServer.start();
        server.app().admin().sessions().ensureFirstAdmin(EMAIL, PASSWORD);
        admin = new AdminClient(server);
        assertEquals(200, admin.signIn(EMAIL, PASSWORD).status());
        group = admin.post("/api/groups", Map.of("name", "Groupe du mardi", "timeZone", "Europe/Paris")).text("id");
        lea = onRoster("Léa", "lea@example.org", "LEADER");
        cole = onRoster("Cole", "cole@example.org", "CO_LEADER");
        ana = onRoster("Ana", "ana@example.org", "MEMBER");
        Reply planned = admin.post("/api/groups/" + group + "/series",
                Map.of("cadence", "SINGLE", "firstStart", "2027-02-02T19:30", "durationMinutes", 120));
        series = planned.body().path("series").path("id").asText();
        meeting = planned.body().path("meetings").get(0).path("id").asText();
        assertEquals(201, admin.post("/api/meetings/" + meeting + "/room", Map.of()).status());
        ws = new WebSocketClient();
        ws.start();
    }

    @AfterEach void stop() throws Exception {
        ws.stop();
        server.close();
    }

    @Test void deletingASeriesWithAnOpenRoomEndsTheRoomFirst() throws Exception {
        RoomClient panel = join(ana);
        assertEquals(204, admin.delete("/api/series/" + series).status());
        assertEquals(4503, panel.awaitClose(), "the panel is told the meeting ended");
        assertNull(server.app().rooms().find(RoomId.of(meeting)), "no room is left in memory for ever");
        assertEquals(0, health().path("rooms").asInt());
    }

    @Test void deletingAGroupWithAnOpenRoomEndsTheRoomFirst() throws Exception {
        RoomClient panel = join(lea);
        assertEquals(204, admin.delete("/api/groups/" + group).status());
        assertEquals(4503, panel.awaitClose());
        assertNull(server.app().rooms().find(RoomId.of(meeting)));
        assertEquals(0, health().path("rooms").asInt());
    }

    @Test void deletingAMeetingWithAnOpenRoomEndsTheRoomFirst() throws Exception {
        RoomClient panel = join(ana);
        assertEquals(204, admin.delete("/api/meetings/" + meeting).status());
        assertEquals(4503, panel.awaitClose());
        assertNull(server.app().rooms().find(RoomId.of(meeting)));
    }

    @Test void endingARoomTakesItsPanelsOutOfTheConnectionCount() throws Exception {
        join(lea);
        join(ana);
        assertEquals(2, health().path("connections").asInt());
        assertEquals(204, admin.delete("/api/meetings/" + meeting + "/room").status());
        assertEquals(0, health().path("connections").asInt());
    }

    @Test void withdrawingAPersonsAccessStopsEveryLinkTheyHoldAndClosesTheirPanels() throws Exception {
        String fromTheLeader = token(issue(ana));
        String fromAnEmail = token(issue(ana));
        RoomClient leader = join(lea);
        RoomClient panel = RoomClient.join(ws, server.roomUri(meeting, fromTheLeader));
        long raised = panel.ack(panel.send("raiseHand"));
        assertEquals(List.of(ana), RoomClient.ids(leader.stateAt(raised).path("room").path("queue")));

        assertEquals(204, admin.delete("/api/meetings/" + meeting + "/links/" + ana).status());
        assertEquals(4505, panel.awaitClose(), "closed for good: access withdrawn");
        JsonNode after = leader.nextMatching(f -> f.path("type").asText().equals("state") && f.path("version").asLong() > raised
                && f.path("room").path("queue").isEmpty(), "a state without Ana's hand");
        assertEquals("GONE", personIn(after, ana).path("presence").asText());
        for (String t : List.of(fromTheLeader, fromAnEmail)) {
            RoomClient refused = RoomClient.connect(ws, server.roomUri(meeting, t), TestServer.ORIGIN);
            assertEquals("token_invalid", refused.next("error").path("code").asText());
            assertEquals(4501, refused.awaitClose());
        }
        JsonNode row = rowOf(admin.get("/api/meetings/" + meeting + "/links").body(), ana);
        assertEquals(2, row.path("issued").asInt());
        assertFalse(row.path("revokedAt").isNull(), row.toString());
    }

    @Test void aNewLinkGivesAccessBackButTheWithdrawnLinksStayDead() throws Exception {
        String old = token(issue(ana));
        assertEquals(204, admin.delete("/api/meetings/" + meeting + "/links/" + ana).status());
        String fresh = token(issue(ana));

        assertEquals("snapshot", RoomClient.connect(ws, server.roomUri(meeting, fresh), TestServer.ORIGIN).next("snapshot").path("type").asText());
        RoomClient refused = RoomClient.connect(ws, server.roomUri(meeting, old), TestServer.ORIGIN);
        assertEquals(4501, refused.awaitClose());
        JsonNode row = rowOf(admin.get("/api/meetings/" + meeting + "/links").body(), ana);
        assertTrue(row.path("revokedAt").isNull(), row.toString());
        assertEquals(2, row.path("issued").asInt());
    }

    @Test void aWithdrawnAccessSurvivesARestart() throws Exception {
        String t = token(issue(ana));
        assertEquals(204, admin.delete("/api/meetings/" + meeting + "/links/" + ana).status());
        ws.stop();
        server = server.restart(Map.of(), java.time.Clock.systemUTC());
        ws = new WebSocketClient();
        ws.start();
        RoomClient refused = RoomClient.connect(ws, server.roomUri(meeting, t), TestServer.ORIGIN);
        assertEquals(4501, refused.awaitClose());
    }

    @Test void theLinksListShowsOneRowPerPersonOnTheRoster() throws Exception {
        issue(ana);
        issue(ana);
        JsonNode rows = admin.get("/api/meetings/" + meeting + "/links").body();
        assertEquals(3, rows.size());
        JsonNode anaRow = rowOf(rows, ana);
        assertEquals("Ana", anaRow.path("displayName").asText());
        assertEquals("MEMBER", anaRow.path("role").asText());
        assertEquals(2, anaRow.path("issued").asInt());
        assertFalse(anaRow.path("lastIssuedAt").isNull());
        assertTrue(anaRow.path("revokedAt").isNull());
        JsonNode coleRow = rowOf(rows, cole);
        assertEquals(0, coleRow.path("issued").asInt());
        assertTrue(coleRow.path("lastIssuedAt").isNull());
    }

    @Test void revokingOneLinkClosesThePanelsOpenedWithItAndTheOthersComeBack() throws Exception {
        JsonNode first = issue(ana);
        String second = token(issue(ana));
        RoomClient withFirst = RoomClient.join(ws, server.roomUri(meeting, token(first)));
        RoomClient withSecond = RoomClient.join(ws, server.roomUri(meeting, second));
        withFirst.ack(withFirst.send("raiseHand"));

        assertEquals(204, admin.delete("/api/links/" + first.get(0).path("linkId").asText()).status());
        assertEquals(4011, withFirst.awaitClose(), "a reconnect-class close: the panel tries its link again");
        assertEquals(4011, withSecond.awaitClose());
        RoomClient again = RoomClient.connect(ws, server.roomUri(meeting, token(first)), TestServer.ORIGIN);
        assertEquals(4501, again.awaitClose(), "the revoked link opens nothing");
        RoomClient back = RoomClient.join(ws, server.roomUri(meeting, second));
        assertEquals(List.of(ana), RoomClient.ids(back.sync().path("room").path("queue")), "her hand is kept");
    }

    @Test void someoneTakenOffTheRosterLeavesTheOpenRoom() throws Exception {
        RoomClient leader = join(lea);
        RoomClient panel = join(ana);
        panel.ack(panel.send("raiseHand"));
        String link = token(issue(ana));

        assertEquals(204, admin.delete("/api/groups/" + group + "/roster/" + ana).status());
        assertEquals(4506, panel.awaitClose());
        JsonNode after = leader.nextMatching(f -> f.path("type").asText().equals("state")
                && personIn(f, ana).isMissingNode(), "a state without Ana");
        assertTrue(after.path("room").path("queue").isEmpty());
        assertEquals(4501, RoomClient.connect(ws, server.roomUri(meeting, link), TestServer.ORIGIN).awaitClose());
    }

    @Test void someoneDeletedFromTheDirectoryLeavesTheOpenRoom() throws Exception {
        RoomClient leader = join(lea);
        RoomClient panel = join(ana);
        assertEquals(204, admin.delete("/api/people/" + ana).status());
        assertEquals(4506, panel.awaitClose());
        leader.nextMatching(f -> f.path("type").asText().equals("state") && personIn(f, ana).isMissingNode(), "a state without Ana");
        assertEquals(204, admin.delete("/api/meetings/" + meeting + "/room").status(), "the room still ends cleanly");
    }

    @Test void aCoLeaderDemotedDuringTheMeetingLosesTheLeaderViewAndTheBackchannel() throws Exception {
        RoomClient leader = join(lea);
        String link = token(issue(cole));
        RoomClient panel = RoomClient.join(ws, server.roomUri(meeting, link));
        assertEquals("ack", panel.reply(panel.send("backchannel", "text", "shall we start?")).path("type").asText());

        Reply demoted = admin.put("/api/groups/" + group + "/roster/" + cole, Map.of("role", "MEMBER", "confirm", true));
        assertEquals(200, demoted.status(), demoted.body().toString());
        assertEquals(4010, panel.awaitClose(), "a reconnect-class close: the panel comes back with its new view");
        leader.nextMatching(f -> f.path("type").asText().equals("state")
                && personIn(f, cole).path("role").asText().equals("MEMBER"), "a state showing Cole as a member");

        RoomClient back = RoomClient.connect(ws, server.roomUri(meeting, link), TestServer.ORIGIN);
        JsonNode snapshot = back.next("snapshot");
        assertEquals("MEMBER", snapshot.path("you").path("role").asText());
        assertTrue(snapshot.path("room").path("signals").isMissingNode(), "the member view, without the leaders' signals");
        assertEquals("not_a_leader", back.errorCode(back.send("backchannel", "text", "still there?")));
        assertEquals("not_a_leader", back.errorCode(back.send("lowerAllHands")));
        assertEquals("ack", back.reply(back.send("raiseHand")).path("type").asText(), "and may raise a hand like any member");
    }

    @Test void theRoomSaysWhenTheMeetingStartsAndInWhichZone_forEachPageToWriteInItsReadersOwn() throws Exception {
        // Planned for 19:30 in Paris on 2 February 2027 (UTC+1 then).
        for (RoomClient panel : List.of(join(ana), join(lea))) {
            JsonNode room = panel.sync().path("room");
            assertEquals("Groupe du mardi", room.path("title").asText(), "the title is the group's name, without a date");
            assertEquals("2027-02-02T18:30:00Z", room.path("startsAt").asText());
            assertEquals("Europe/Paris", room.path("timeZone").asText());
        }
    }

    private String onRoster(String name, String email, String role) throws Exception {
        String id = admin.post("/api/people", Map.of("displayName", name, "email", email)).text("id");
        Reply r = admin.put("/api/groups/" + group + "/roster/" + id, Map.of("role", role, "confirm", true));
        assertEquals(200, r.status(), r.body().toString());
        return id;
    }

    private JsonNode issue(String person) throws Exception {
        Reply r = admin.post("/api/meetings/" + meeting + "/links", Map.of("personId", person));
        assertEquals(201, r.status(), r.body().toString());
        return r.body();
    }

    private static String token(JsonNode issued) {
        String url = issued.get(0).path("url").asText();
        return url.substring(url.indexOf("#token=") + 7);
    }

    private RoomClient join(String person) throws Exception { return RoomClient.join(ws, server.roomUri(meeting, token(issue(person)))); }

    private JsonNode health() throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.http("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    private static JsonNode personIn(JsonNode frame, String person) {
        for (JsonNode p : frame.path("room").path("people")) if (p.path("id").asText().equals(person)) return p;
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode rowOf(JsonNode rows, String person) {
        for (JsonNode r : rows) if (r.path("personId").asText().equals(person)) return r;
        throw new AssertionError(person + " has no row in " + rows);
    }
}
