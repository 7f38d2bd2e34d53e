package org.balintcompanion.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.support.AdminClient;
import org.balintcompanion.support.AdminClient.Reply;
import org.balintcompanion.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.balintcompanion.admin.AdminAuthorizationMatrixTest.Caller.ADMIN;
import static org.balintcompanion.admin.AdminAuthorizationMatrixTest.Caller.LEADER_ELSEWHERE;
import static org.balintcompanion.admin.AdminAuthorizationMatrixTest.Caller.LEADER_HERE;
import static org.balintcompanion.admin.AdminAuthorizationMatrixTest.Caller.SIGNED_OUT;

/**
 * Every admin endpoint against every kind of caller: an administrator, a leader of the group concerned, a leader of
 * another group, and someone signed out. Allowed means any answer but 401, 403 and 404 (Zoom's 409 "not connected"
 * still means the access check passed); refused means 403, or 404 for what a leader may not even know exists; signed
 * out means 401. Each call works on things made for it, so no call depends on another's outcome.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminAuthorizationMatrixTest {
    enum Caller { ADMIN, LEADER_HERE, LEADER_ELSEWHERE, SIGNED_OUT }

    private static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger unique = new AtomicInteger();
    /** Reached by signing in, or before any account exists: not a matter of role. */
    private static final Set<String> NOT_ROLE_BASED = Set.of("POST /api/session", "POST /api/setup");

    private static TestServer server;
    private static AdminClient admin;
    private static final Map<Caller, AdminClient> clients = new EnumMap<>(Caller.class);
    private static String here;
    private static String leaderHere;
    private static String leaderElsewhere;

    private record Call(String method, String path, Object body) {}

    private interface Fresh { Call make() throws Exception; }

    private record Row(String endpoint, Set<Caller> allowed, boolean ownSession, Fresh call) {}

    @BeforeAll static void start() throws Exception {
        server = TestServer.start(Map.of("BALINT_ADMIN_EMAIL", "admin@society.example", "BALINT_ADMIN_PASSWORD", PASSWORD));
        server.app().admin().sessions().ensureFirstAdmin("admin@society.example", PASSWORD);
        admin = new AdminClient(server);
        assertEquals(200, admin.signIn("admin@society.example", PASSWORD).status());
        here = created(admin.post("/api/groups", Map.of("name", "Groupe du mardi")));
        String elsewhere = created(admin.post("/api/groups", Map.of("name", "Groupe du jeudi")));
        leaderHere = person();
        leaderElsewhere = person();
        roster(here, leaderHere, "LEADER");
        roster(elsewhere, leaderElsewhere, "LEADER");
        roster(elsewhere, person(), "MEMBER");
        clients.put(ADMIN, admin);
        clients.put(LEADER_HERE, leader(leaderHere, "lea@example.org"));
        clients.put(LEADER_ELSEWHERE, leader(leaderElsewhere, "leo@example.org"));
        clients.put(SIGNED_OUT, new AdminClient(server));
    }

    @AfterAll static void stop() throws Exception { server.close(); }

    private static String created(Reply r) {
        assertTrue(r.status() == 200 || r.status() == 201, r.body().toString());
        return r.text("id");
    }

    private static String person() throws Exception {
        int n = unique.incrementAndGet();
        return created(admin.post("/api/people", Map.of("displayName", "Person " + n, "email", "p" + n + "@example.org")));
    }

    private static void roster(String group, String person, String role) throws Exception {
        Reply r = admin.put("/api/groups/" + group + "/roster/" + person, Map.of("role", role, "confirm", true));
        assertEquals(200, r.status(), r.body().toString());
    }

    private static String memberHere() throws Exception {
        String p = person();
        roster(here, p, "MEMBER");
        return p;
    }

    private static AdminClient leader(String personId, String email) throws Exception {
        Reply r = admin.post("/api/accounts", Map.of("email", email, "password", PASSWORD, "kind", "LEADER", "personId", personId));
        assertEquals(201, r.status(), r.body().toString());
        var c = new AdminClient(server);
        assertEquals(200, c.signIn(email, PASSWORD).status());
        return c;
    }

    private static String meetingHere() throws Exception {
        int n = unique.incrementAndGet();
        return created(admin.post("/api/groups/" + here + "/meetings",
                Map.of("start", "2027-%02d-%02dT19:30".formatted(1 + n % 12, 1 + n % 28), "durationMinutes", 120)));
    }

    private static String meetingWithRoomHere() throws Exception {
        String m = meetingHere();
        assertEquals(201, admin.post("/api/meetings/" + m + "/room", Map.of()).status());
        return m;
    }

    private static String presetId() throws Exception {
        return created(admin.post("/api/presets", Map.of("name", "Preset " + unique.incrementAndGet(), "settings", Map.of())));
    }

    private static String seriesHere() throws Exception {
        Reply r = admin.post("/api/groups/" + here + "/series",
                Map.of("cadence", "MONTHLY", "firstStart", "2028-01-11T19:30", "durationMinutes", 120, "occurrences", 2));
        assertEquals(201, r.status(), r.body().toString());
        return r.body().path("series").path("id").asText();
    }

    private static String linkHere() throws Exception {
        String m = meetingWithRoomHere();
        Reply r = admin.post("/api/meetings/" + m + "/links", Map.of());
        assertEquals(201, r.status(), r.body().toString());
        return r.body().get(0).path("linkId").asText();
    }

    /** One message in the outbox: the invitation to a meeting two days from now, planned and sent by the scheduler. */
    private static String outboxMessage() throws Exception {
        String soon = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Paris")).plusDays(2)
                .withSecond(0).withNano(0).toString();
        created(admin.post("/api/groups/" + here + "/meetings", Map.of("start", soon)));
        server.app().mail().runOnce();
        JsonNode box = admin.get("/api/outbox").body();
        assertTrue(box.size() > 0, "the scheduler sent nothing to the outbox: " + box);
        return box.get(0).path("id").asText();
    }

    private static Row row(String endpoint, Set<Caller> allowed, Fresh call) { return new Row(endpoint, allowed, false, call); }

    private static Call call(String method, String path) { return new Call(method, path, null); }

    private static Call call(String method, String path, Object body) { return new Call(method, path, body); }

    private static final Set<Caller> ANYONE_SIGNED_IN = EnumSet.of(ADMIN, LEADER_HERE, LEADER_ELSEWHERE);
    private static final Set<Caller> ADMINS = EnumSet.of(ADMIN);
    private static final Set<Caller> LEADERS_OF_THE_GROUP = EnumSet.of(ADMIN, LEADER_HERE);

    private static List<Row> rows() {
        return List.of(
            row("GET /api/session", ANYONE_SIGNED_IN, () -> call("GET", "/api/session")),
            new Row("DELETE /api/session", ANYONE_SIGNED_IN, true, () -> call("DELETE", "/api/session")),
            row("POST /api/accounts", ADMINS, () -> call("POST", "/api/accounts", Map.of("email", "a" + unique.incrementAndGet()
                    + "@example.org", "password", PASSWORD, "kind", "LEADER", "personId", memberHere()))),
            row("GET /api/people", ANYONE_SIGNED_IN, () -> call("GET", "/api/people")),
            row("POST /api/people", ADMINS, () -> call("POST", "/api/people", Map.of("displayName", "New " + unique.incrementAndGet()))),
            row("GET /api/people/{id}", LEADERS_OF_THE_GROUP, () -> call("GET", "/api/people/" + memberHere())),
            row("PATCH /api/people/{id}", ADMINS, () -> call("PATCH", "/api/people/" + memberHere(), Map.of("language", "en"))),
            row("DELETE /api/people/{id}", ADMINS, () -> call("DELETE", "/api/people/" + person())),
            row("POST /api/people/{id}/supervisees", ADMINS,
                    () -> call("POST", "/api/people/" + memberHere() + "/supervisees", Map.of("personId", person()))),
            row("DELETE /api/people/{id}/supervisees/{other}", ADMINS, () -> {
                String boss = person();
                String resident = person();
                assertEquals(201, admin.post("/api/people/" + boss + "/supervisees", Map.of("personId", resident)).status());
                return call("DELETE", "/api/people/" + boss + "/supervisees/" + resident);
            }),
            row("GET /api/presets", ADMINS, () -> call("GET", "/api/presets")),
            row("POST /api/presets", ADMINS, () -> call("POST", "/api/presets", Map.of("name", "P" + unique.incrementAndGet()))),
            row("GET /api/presets/{id}", ADMINS, () -> call("GET", "/api/presets/" + presetId())),
            row("PATCH /api/presets/{id}", ADMINS, () -> call("PATCH", "/api/presets/" + presetId(), Map.of("name", "Q" + unique.incrementAndGet()))),
            row("DELETE /api/presets/{id}", ADMINS, () -> call("DELETE", "/api/presets/" + presetId())),
            row("GET /api/groups", ANYONE_SIGNED_IN, () -> call("GET", "/api/groups")),
            row("POST /api/groups", ADMINS, () -> call("POST", "/api/groups", Map.of("name", "G" + unique.incrementAndGet()))),
            row("GET /api/groups/{id}", LEADERS_OF_THE_GROUP, () -> call("GET", "/api/groups/" + here)),
            row("PATCH /api/groups/{id}", ADMINS, () -> call("PATCH", "/api/groups/" + here, Map.of("timersShown", true))),
            row("DELETE /api/groups/{id}", ADMINS, () -> {
                String g = created(admin.post("/api/groups", Map.of("name", "Doomed " + unique.incrementAndGet())));
                roster(g, leaderHere, "LEADER");
                return call("DELETE", "/api/groups/" + g);
            }),
            row("GET /api/groups/{id}/roster", LEADERS_OF_THE_GROUP, () -> call("GET", "/api/groups/" + here + "/roster")),
            row("PUT /api/groups/{id}/roster/{personId}", ADMINS,
                    () -> call("PUT", "/api/groups/" + here + "/roster/" + person(), Map.of("role", "MEMBER", "confirm", true))),
            row("DELETE /api/groups/{id}/roster/{personId}", ADMINS, () -> call("DELETE", "/api/groups/" + here + "/roster/" + memberHere())),
            row("GET /api/groups/{id}/series", LEADERS_OF_THE_GROUP, () -> call("GET", "/api/groups/" + here + "/series")),
            row("POST /api/groups/{id}/series", LEADERS_OF_THE_GROUP, () -> call("POST", "/api/groups/" + here + "/series",
                    Map.of("cadence", "WEEKLY", "firstStart", "2029-02-06T19:30", "durationMinutes", 90, "occurrences", 2))),
            row("GET /api/groups/{id}/meetings", LEADERS_OF_THE_GROUP, () -> call("GET", "/api/groups/" + here + "/meetings")),
            row("POST /api/groups/{id}/meetings", LEADERS_OF_THE_GROUP,
                    () -> call("POST", "/api/groups/" + here + "/meetings", Map.of("start", "2029-05-05T10:00"))),
            row("DELETE /api/series/{id}", LEADERS_OF_THE_GROUP, () -> call("DELETE", "/api/series/" + seriesHere())),
            row("GET /api/meetings/{id}", LEADERS_OF_THE_GROUP, () -> call("GET", "/api/meetings/" + meetingHere())),
            row("PATCH /api/meetings/{id}", LEADERS_OF_THE_GROUP,
                    () -> call("PATCH", "/api/meetings/" + meetingHere(), Map.of("durationMinutes", 90))),
            row("DELETE /api/meetings/{id}", LEADERS_OF_THE_GROUP, () -> call("DELETE", "/api/meetings/" + meetingHere())),
            row("POST /api/meetings/{id}/room", LEADERS_OF_THE_GROUP, () -> call("POST", "/api/meetings/" + meetingHere() + "/room", Map.of())),
            row("DELETE /api/meetings/{id}/room", LEADERS_OF_THE_GROUP, () -> call("DELETE", "/api/meetings/" + meetingWithRoomHere() + "/room")),
            row("GET /api/meetings/{id}/rsvp", LEADERS_OF_THE_GROUP, () -> call("GET", "/api/meetings/" + meetingHere() + "/rsvp")),
            row("GET /api/meetings/{id}/mail", LEADERS_OF_THE_GROUP, () -> call("GET", "/api/meetings/" + meetingHere() + "/mail")),
            row("POST /api/meetings/{id}/zoom", LEADERS_OF_THE_GROUP, () -> call("POST", "/api/meetings/" + meetingHere() + "/zoom", Map.of())),
            row("GET /api/meetings/{id}/zoom", LEADERS_OF_THE_GROUP, () -> call("GET", "/api/meetings/" + meetingHere() + "/zoom")),
            row("DELETE /api/meetings/{id}/zoom", LEADERS_OF_THE_GROUP, () -> call("DELETE", "/api/meetings/" + meetingHere() + "/zoom")),
            row("GET /api/meetings/{id}/links", LEADERS_OF_THE_GROUP, () -> call("GET", "/api/meetings/" + meetingWithRoomHere() + "/links")),
            row("POST /api/meetings/{id}/links", LEADERS_OF_THE_GROUP,
                    () -> call("POST", "/api/meetings/" + meetingWithRoomHere() + "/links", Map.of())),
            row("DELETE /api/links/{linkId}", LEADERS_OF_THE_GROUP, () -> call("DELETE", "/api/links/" + linkHere())),
            row("DELETE /api/meetings/{id}/links/{personId}", LEADERS_OF_THE_GROUP,
                    () -> call("DELETE", "/api/meetings/" + meetingWithRoomHere() + "/links/" + memberHere())),
            row("GET /api/rooms/unrestored", ADMINS, () -> call("GET", "/api/rooms/unrestored")),
            row("DELETE /api/rooms/unrestored/{roomId}", ADMINS, () -> call("DELETE", "/api/rooms/unrestored/r-none")),
            row("GET /api/audit", ADMINS, () -> call("GET", "/api/audit?limit=10")),
            row("GET /api/outbox", ADMINS, () -> call("GET", "/api/outbox")),
            row("GET /api/outbox/{id}", ADMINS, () -> call("GET", "/api/outbox/" + outboxMessage())),
            row("POST /api/backup", ADMINS, () -> call("POST", "/api/backup", Map.of())));
    }

    private static Reply send(AdminClient client, Call c) throws Exception {
        return client.call(c.method(), c.path(), c.body() == null ? null : JSON.writeValueAsString(c.body()));
    }

    @Test void everyEndpointAnswersEachCallerAsTheAccessRulesSay() throws Exception {
        var wrong = new ArrayList<String>();
        for (Row row : rows()) {
            for (Caller caller : Caller.values()) {
                AdminClient client = clients.get(caller);
                if (row.ownSession() && caller != SIGNED_OUT) client = signedInAgain(caller);
                int status = send(client, row.call().make()).status();
                boolean ok = switch (caller) {
                    case SIGNED_OUT -> status == 401;
                    default -> row.allowed().contains(caller) ? status != 401 && status != 403 && status != 404
                            : status == 403 || status == 404;
                };
                if (!ok) wrong.add(row.endpoint() + " as " + caller + " answered " + status);
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static AdminClient signedInAgain(Caller caller) throws Exception {
        String email = switch (caller) {
            case ADMIN -> "admin@society.example";
            case LEADER_HERE -> "lea@example.org";
            default -> "leo@example.org";
        };
        var c = new AdminClient(server);
        assertEquals(200, c.signIn(email, PASSWORD).status());
        return c;
    }

    @Test void theMatrixCoversEveryEndpointInTheApiDocs() throws Exception {
        Matcher m = Pattern.compile("`((?:GET|POST|PUT|PATCH|DELETE)(?:/(?:GET|POST|PUT|PATCH|DELETE))*) (/api/[^`?]*)[^`]*`")
                .matcher(Files.readString(Path.of("../docs/api.md")));
        var documented = new TreeSet<String>();
        while (m.find()) for (String method : m.group(1).split("/")) documented.add(method + " " + m.group(2));
        documented.removeAll(NOT_ROLE_BASED);
        var covered = new TreeSet<String>();
        rows().forEach(r -> covered.add(r.endpoint()));
        documented.removeAll(covered);
        assertEquals(Set.of(), documented, "documented endpoints missing from the matrix");
    }

    @Test void aLeaderSeesOnlyThePeopleOfTheirOwnGroupsAndNoOneElsesSupervisoryTies() throws Exception {
        String ana = memberHere();
        String boss = memberHere();
        assertEquals(201, admin.post("/api/people/" + boss + "/supervisees", Map.of("personId", ana)).status());
        String stranger = person();

        JsonNode seen = clients.get(LEADER_HERE).get("/api/people").body();
        var ids = new TreeSet<String>();
        seen.forEach(p -> ids.add(p.path("id").asText()));
        assertTrue(ids.containsAll(List.of(ana, boss, leaderHere)), ids.toString());
        assertFalse(ids.contains(stranger) || ids.contains(leaderElsewhere), "nobody outside the leader's groups: " + ids);

        Reply bossAsSeenByLeader = clients.get(LEADER_HERE).get("/api/people/" + boss);
        assertEquals(200, bossAsSeenByLeader.status());
        assertFalse(bossAsSeenByLeader.body().has("supervises"), bossAsSeenByLeader.body().toString());
        assertEquals(ana, admin.get("/api/people/" + boss).body().path("supervises").get(0).asText(), "administrators see the ties");
    }
}
