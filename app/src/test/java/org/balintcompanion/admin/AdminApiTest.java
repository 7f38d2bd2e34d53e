package org.balintcompanion.admin;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.balintcompanion.room.Role;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API over HTTP against the running server, as an administrator and as a leader would use it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminApiTest {
    private static final String EMAIL = "admin@society.example";
    private static final String PASSWORD = "correct horse battery";
    private TestServer server;
    private AdminClient admin;

    @BeforeEach void start() throws Exception {
        server = TestServer.start(Map.of("BALINT_ADMIN_EMAIL", EMAIL, "BALINT_ADMIN_PASSWORD", PASSWORD));
        server.app().admin().sessions().ensureFirstAdmin(EMAIL, PASSWORD);
        admin = new AdminClient(server);
        assertEquals(200, admin.signIn(EMAIL, PASSWORD).status());
    }

    @AfterEach void stop() throws Exception { server.close(); }

    private String person(String name, String email) throws Exception {
        Reply r = admin.post("/api/people", Map.of("displayName", name, "email", email, "timeZone", "Europe/Paris"));
        assertEquals(201, r.status(), r.body().toString());
        return r.text("id");
    }

    private String group(String name) throws Exception {
        Reply r = admin.post("/api/groups", Map.of("name", name, "timeZone", "Europe/Paris", "language", "fr"));
        assertEquals(201, r.status(), r.body().toString());
        return r.text("id");
    }

    private void roster(String group, String person, String role) throws Exception {
        Reply r = admin.put("/api/groups/" + group + "/roster/" + person, Map.of("role", role, "confirm", true));
        assertEquals(200, r.status(), r.body().toString());
    }

    @Test void anAdminPlansAMonthlySeriesOpensTheRoomAndHandsOutWorkingLinks() throws Exception {
        String g = group("Groupe du mardi");
        String lea = person("Léa Durand", "lea@example.org");
        String ana = person("Ana Silva", "ana@example.org");
        roster(g, lea, "LEADER");
        roster(g, ana, "MEMBER");

        Reply series = admin.post("/api/groups/" + g + "/series",
                Map.of("cadence", "MONTHLY", "firstStart", "2027-01-12T19:30", "durationMinutes", 120, "occurrences", 6));
        assertEquals(201, series.status(), series.body().toString());
        JsonNode meetings = series.body().path("meetings");
        assertEquals(6, meetings.size());
        for (JsonNode m : meetings) {
            assertEquals("19:30", m.path("localStart").asText().substring(11, 16), "local time holds across DST");
        }
        assertEquals("2027-01-12T18:30:00Z", meetings.get(0).path("startsAt").asText());
        assertEquals("2027-04-13T17:30:00Z", meetings.get(3).path("startsAt").asText(), "summer time in April");

        String meeting = meetings.get(0).path("id").asText();
        assertEquals(201, admin.post("/api/meetings/" + meeting + "/room", Map.of()).status());
        Reply links = admin.post("/api/meetings/" + meeting + "/links", Map.of());
        assertEquals(201, links.status());
        assertEquals(2, links.body().size());
        String anaUrl = urlOf(links.body(), ana);
        assertTrue(anaUrl.contains("/join/#token="), anaUrl);

        var ws = new WebSocketClient();
        ws.start();
        try {
            String token = anaUrl.substring(anaUrl.indexOf("#token=") + 7);
            RoomClient client = RoomClient.join(ws, server.roomUri(meeting, token));
            assertEquals("ack", client.reply(client.send("raiseHand")).path("type").asText());

            String linkId = linkIdOf(links.body(), ana);
            assertEquals(204, admin.delete("/api/links/" + linkId).status());
            RoomClient refused = RoomClient.connect(ws, server.roomUri(meeting, token), TestServer.ORIGIN);
            assertEquals("token_invalid", refused.next("error").path("code").asText());
            assertEquals(4501, refused.awaitClose());
        } finally {
            ws.stop();
        }

        Reply audit = admin.get("/api/audit?limit=50");
        List<String> actions = audit.body().findValuesAsText("action");
        assertTrue(actions.containsAll(List.of("group.create", "series.create", "room.open", "link.issue", "link.revoke")), actions.toString());
    }

    @Test void endingTheRoomForgetsItsStateAndClosesPanels() throws Exception {
        String g = group("G");
        String lea = person("Léa", "lea2@example.org");
        roster(g, lea, "LEADER");
        Reply m = admin.post("/api/groups/" + g + "/meetings", Map.of("start", "2027-02-01T18:00"));
        String meeting = m.text("id");
        admin.post("/api/meetings/" + meeting + "/room", Map.of());
        assertTrue(admin.get("/api/meetings/" + meeting).body().path("roomOpen").asBoolean());
        assertEquals(204, admin.delete("/api/meetings/" + meeting + "/room").status());
        assertFalse(admin.get("/api/meetings/" + meeting).body().path("roomOpen").asBoolean());
    }

    @Test void endingOneRoomWithPanelsConnectedClosesThemAndLeavesOtherRoomsWorking() throws Exception {
        String g = group("G");
        String lea = person("Léa", "lea3@example.org");
        roster(g, lea, "LEADER");
        String first = admin.post("/api/groups/" + g + "/meetings", Map.of("start", "2027-02-01T18:00")).text("id");
        String second = admin.post("/api/groups/" + g + "/meetings", Map.of("start", "2027-02-08T18:00")).text("id");
        var ws = new WebSocketClient();
        ws.start();
        try {
            var panels = new java.util.ArrayList<RoomClient>();
            for (String m : List.of(first, second)) {
                admin.post("/api/meetings/" + m + "/room", Map.of());
                String url = admin.post("/api/meetings/" + m + "/links", Map.of()).body().get(0).path("url").asText();
                panels.add(RoomClient.join(ws, server.roomUri(m, url.substring(url.indexOf("#token=") + 7))));
            }
            assertEquals(204, admin.delete("/api/meetings/" + first + "/room").status());
            assertEquals(4503, panels.get(0).awaitClose());
            RoomClient other = panels.get(1);
            assertEquals("ack", other.reply(other.send("raiseHand")).path("type").asText(), "the other room still acknowledges");
        } finally {
            ws.stop();
        }
    }

    @Test void anAddressThatCouldBreakAMailHeaderIsRefused_andATimeZoneMayBeACitysName() throws Exception {
        for (String bad : java.util.List.of("a<b>@example.org", "ana@example.org>, eve@evil.example", "\"ana\"@example.org",
                "ana@exa mple.org", ".ana@example.org", "ana..b@example.org", "ana@-example.org", "ana@example.o", "léa@exemple.fr")) {
            Reply r = admin.post("/api/people", Map.of("displayName", "X", "email", bad));
            assertEquals(400, r.status(), bad);
            assertEquals("email", r.text("field"), bad);
        }
        for (String good : java.util.List.of("o'brien+balint@example.org", "ana.silva@sub.example.co.uk", "lea@xn--caf-dma.fr")) {
            assertEquals(201, admin.post("/api/people", Map.of("displayName", "Y", "email", good)).status(), good);
        }
        assertEquals(400, admin.post("/api/people", Map.of("displayName", "Z", "email", "ok@example.org", "timeZone", "Atlantis")).status());
        for (var city : Map.of("Paris", "Europe/Paris", "montréal", "America/Montreal", "New York", "America/New_York").entrySet()) {
            Reply r = admin.post("/api/groups", Map.of("name", "In " + city.getKey(), "timeZone", city.getKey()));
            assertEquals(201, r.status(), city.getKey());
            assertEquals(city.getValue(), r.text("timeZone"), city.getKey());
        }
    }

    @Test void badFieldsAreNamedAndNothingIsWritten() throws Exception {
        Reply zone = admin.post("/api/groups", Map.of("name", "X", "timeZone", "Mars/Olympus"));
        assertEquals(400, zone.status());
        assertEquals("timeZone", zone.text("field"));
        assertEquals("application/problem+json", zone.raw().headers().firstValue("Content-Type").orElse(""));

        String g = group("G");
        Reply until = admin.post("/api/groups/" + g + "/series",
                Map.of("cadence", "WEEKLY", "firstStart", "2027-03-01T19:00", "until", "2027-02-01"));
        assertEquals(400, until.status());
        assertEquals("until", until.text("field"));
        assertEquals(0, admin.get("/api/groups/" + g + "/meetings").body().size(), "nothing half-written");

        person("Ana", "ana@example.org");
        Reply dup = admin.post("/api/people", Map.of("displayName", "Ana bis", "email", "ANA@example.org"));
        assertEquals(409, dup.status());
        assertEquals("email", dup.text("field"));

        Reply badEmail = admin.post("/api/people", Map.of("displayName", "Bob", "email", "bob-at-home"));
        assertEquals(400, badEmail.status());
        assertEquals("email", badEmail.text("field"));
        assertEquals(404, admin.get("/api/groups/g-nope").status());
        assertEquals(404, admin.get("/api/meetings/m-nope").status());
    }

    @Test void malformedOversizedAndUntypedBodiesAreRefused() throws Exception {
        assertEquals(400, admin.call("POST", "/api/groups", "{not json").status());
        assertEquals(415, admin.send("POST", "/api/groups", "name=x", "application/x-www-form-urlencoded", csrf()).status());
        String big = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        assertEquals(413, admin.call("POST", "/api/groups", big).status());
    }

    @Test void withoutASessionOrWithoutTheCsrfHeaderNothingHappens() throws Exception {
        var anonymous = new AdminClient(server);
        assertEquals(401, anonymous.get("/api/groups").status());
        assertEquals(403, admin.send("POST", "/api/groups", "{\"name\":\"X\"}", "application/json", "wrong").status());
        assertEquals(0, admin.get("/api/groups").body().size());
    }

    @Test void repeatedWrongPasswordsAreThrottled() throws Exception {
        var attacker = new AdminClient(server);
        for (int i = 0; i < 5; i++) assertEquals(401, attacker.signIn(EMAIL, "wrong password " + i).status());
        assertEquals(429, attacker.signIn(EMAIL, PASSWORD).status(), "even the right password waits");
    }

    @Test void twoPeopleWithASupervisoryTieNeedAConfirmationToShareAGroup() throws Exception {
        String g = group("G");
        String boss = person("Dr Boss", "boss@example.org");
        String resident = person("Resident", "resident@example.org");
        assertEquals(201, admin.post("/api/people/" + boss + "/supervisees", Map.of("personId", resident)).status());
        roster(g, resident, "MEMBER");
        Reply ask = admin.put("/api/groups/" + g + "/roster/" + boss, Map.of("role", "MEMBER"));
        assertEquals(409, ask.status());
        assertTrue(ask.body().path("warnings").get(0).asText().contains("supervises"), ask.body().toString());
        Reply observer = admin.put("/api/groups/" + g + "/roster/" + boss, Map.of("role", "OBSERVER", "confirm", true));
        assertEquals(409, observer.status(), "an observer who supervises a member is refused outright");
        assertEquals(200, admin.put("/api/groups/" + g + "/roster/" + boss, Map.of("role", "MEMBER", "confirm", true)).status());
    }

    @Test void moreThanTenMembersAsksForConfirmation() throws Exception {
        String g = group("Big");
        for (int i = 0; i < 10; i++) roster(g, person("M" + i, "m" + i + "@example.org"), "MEMBER");
        String eleventh = person("M10", "m10@example.org");
        Reply r = admin.put("/api/groups/" + g + "/roster/" + eleventh, Map.of("role", "MEMBER"));
        assertEquals(409, r.status());
        assertEquals("confirm", r.text("field"));
    }

    @Test void aLeaderManagesTheirOwnGroupsMeetingsButNotAnotherGroup() throws Exception {
        String mine = group("Mine");
        String other = group("Other");
        String lea = person("Léa", "lea@example.org");
        roster(mine, lea, "LEADER");
        assertEquals(201, admin.post("/api/accounts", Map.of("email", "lea@example.org", "password", "leader password 1",
                "kind", "LEADER", "personId", lea)).status());
        var leader = new AdminClient(server);
        assertEquals(200, leader.signIn("lea@example.org", "leader password 1").status());

        assertEquals(1, leader.get("/api/groups").body().size());
        assertEquals(201, leader.post("/api/groups/" + mine + "/meetings", Map.of("start", "2027-05-04T19:00")).status());
        assertEquals(403, leader.post("/api/groups/" + other + "/meetings", Map.of("start", "2027-05-04T19:00")).status());
        assertEquals(403, leader.get("/api/groups/" + other).status());
        assertEquals(403, leader.patch("/api/groups/" + mine, Map.of("name", "Renamed")).status(), "settings are the admin's");
        assertEquals(403, leader.get("/api/audit").status());
    }

    @Test void aGroupThatKeepsPresentedOnDatesSeesLastMeetingsPresentersAtTheNextOpening() throws Exception {
        String g = admin.post("/api/groups", Map.of("name", "G", "keepPresentedOn", true)).text("id");
        String lea = person("Léa", "lea@example.org");
        String ana = person("Ana Silva", "ana@example.org");
        roster(g, lea, "LEADER");
        roster(g, ana, "MEMBER");
        JsonNode meetings = admin.post("/api/groups/" + g + "/series",
                Map.of("cadence", "WEEKLY", "firstStart", "2027-03-02T19:30", "occurrences", 2)).body().path("meetings");
        String first = meetings.get(0).path("id").asText();
        String second = meetings.get(1).path("id").asText();
        admin.post("/api/meetings/" + first + "/room", Map.of());
        var ws = new WebSocketClient();
        ws.start();
        try {
            String leaToken = tokenOf(admin.post("/api/meetings/" + first + "/links", Map.of("personId", lea)).body());
            RoomClient leader = RoomClient.join(ws, server.roomUri(first, leaToken));
            leader.ack(leader.send("setPhase", "phase", "WHO_HAS_A_CASE"));
            leader.ack(leader.send("setPresenter", "member", ana));
            JsonNode telling = leader.stateAt(leader.ack(leader.send("setPhase", "phase", "TELLING")));
            assertEquals(List.of(ana), RoomClient.ids(telling.path("room").path("presentedToday")));
            assertEquals(204, admin.delete("/api/meetings/" + first + "/room").status());
            assertEquals(4503, leader.awaitClose(), "the meeting has ended");

            admin.post("/api/meetings/" + second + "/room", Map.of());
            String nextToken = tokenOf(admin.post("/api/meetings/" + second + "/links", Map.of("personId", lea)).body());
            JsonNode earlier = RoomClient.join(ws, server.roomUri(second, nextToken)).sync().path("room").path("earlierCases");
            assertEquals("Ana Silva", earlier.get(0).path("name").asText());
            assertEquals("2027-03-02", earlier.get(0).path("presentedOn").asText());
        } finally {
            ws.stop();
        }
    }

    private static String tokenOf(JsonNode links) {
        String url = links.get(0).path("url").asText();
        return url.substring(url.indexOf("#token=") + 7);
    }

    @Test void signingOutEndsTheSession() throws Exception {
        assertEquals(204, admin.delete("/api/session").status());
        assertEquals(401, admin.get("/api/groups").status());
    }

    private String csrf() throws Exception { return admin.get("/api/session").text("csrfToken"); }

    private static String urlOf(JsonNode links, String person) {
        for (JsonNode l : links) if (l.path("personId").asText().equals(person)) return l.path("url").asText();
        throw new AssertionError(person + " has no link in " + links);
    }

    private static String linkIdOf(JsonNode links, String person) {
        for (JsonNode l : links) if (l.path("personId").asText().equals(person)) return l.path("linkId").asText();
        throw new AssertionError(person + " has no link in " + links);
    }
}
